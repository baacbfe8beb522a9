/**
 * The least a room needs from a connection. The WebSocket route adapts `ws` to it; tests can
 * use an in-memory pair.
 */
export interface CollabSocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** WebSocket readyState: 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  /**
   * Holds writes back until `uncork`, so that messages sent in between leave in one system
   * call (a socket's `cork`); optional, as in-memory sockets have nothing to gain.
   */
  cork?(): void;
  uncork?(): void;
}

export const OPEN = 1;

/** What a connection may do in a room. */
export interface Access {
  /** Display name for logs; presence comes from the client's awareness state. */
  userId: string | null;
  /** The sign-in session the connection came with (its token's hash), to end with it. */
  session?: string;
  /** Viewers and commenters receive updates but may not change the document. */
  canWrite: boolean;
}
