/**
 * The y-websocket wire protocol as Briefroom speaks it: every message starts with a varint
 * message type; custom close codes tell a client why the server hung up.
 */

/** Sync step 1/2 or an update, encoded by y-protocols/sync. */
export const MESSAGE_SYNC = 0;
/** An awareness update, encoded by y-protocols/awareness. */
export const MESSAGE_AWARENESS = 1;
/** Auth message (y-protocols/auth); the server only ever sends "permission denied". */
export const MESSAGE_AUTH = 2;
/** A request for the full awareness state of the room. */
export const MESSAGE_QUERY_AWARENESS = 3;

/** WebSocket close codes Briefroom uses, beyond the standard ones. */
export const CloseCode = {
  /** Normal closure, e.g. the server is shutting down cleanly. */
  Normal: 1000,
  /** The server is going away (shutdown); clients should reconnect elsewhere or later. */
  GoingAway: 1001,
  /** The frame could not be decoded or has an unknown message type. */
  Malformed: 4400,
  /** No valid credentials came with the connection. */
  Unauthenticated: 4401,
  /** The credentials do not grant access to this brief (or access was revoked). */
  Forbidden: 4403,
  /** There is no brief with this id (or it was deleted). */
  NotFound: 4404,
  /** A frame was larger than the configured limit. */
  TooLarge: 4413,
  /** The server failed to load or persist the room. */
  InternalError: 4500,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
