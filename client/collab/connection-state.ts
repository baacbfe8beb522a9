/**
 * What the person sees about the link to the server, derived from provider and browser
 * events by a pure reducer so it can be tested without sockets.
 */
export type Connection =
  | "connecting" // first attempt, nothing synced yet
  | "connected" // live: edits reach others as they are made
  | "reconnecting" // was connected, lost it, trying again; edits are kept
  | "offline" // the browser has no network; edits are kept on this device
  | "gone"; // the server refused the brief for good (deleted, no access)

export interface ConnectionState {
  connection: Connection;
  /** The document has been synced with the server at least once in this session. */
  synced: boolean;
  /** A close code that ended the session for good (4403, 4404, ...), if any. */
  closeCode: number | null;
}

export type ConnectionEvent =
  | { type: "status"; status: "connecting" | "connected" | "disconnected" }
  | { type: "synced"; synced: boolean }
  | { type: "network"; online: boolean }
  | { type: "closed"; code: number };

export function initialConnection(online: boolean): ConnectionState {
  return { connection: online ? "connecting" : "offline", synced: false, closeCode: null };
}

export function connectionReducer(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  if (state.connection === "gone") return state;
  switch (event.type) {
    case "closed":
      return { ...state, connection: "gone", closeCode: event.code };
    case "network":
      if (!event.online) return { ...state, connection: "offline" };
      return state.connection === "offline"
        ? { ...state, connection: state.synced ? "reconnecting" : "connecting" }
        : state;
    case "synced":
      return event.synced ? { ...state, synced: true, connection: "connected" } : state;
    case "status":
      if (state.connection === "offline") return state;
      if (event.status === "connected") return state; // live once the sync completes
      return { ...state, connection: state.synced ? "reconnecting" : "connecting" };
  }
}

/** A short label and a longer explanation for each state. */
export function describeConnection(state: ConnectionState): { label: string; detail: string } {
  switch (state.connection) {
    case "connected":
      return { label: "Live", detail: "Your edits reach everyone in this brief as you type." };
    case "connecting":
      return { label: "Connecting…", detail: "Opening the brief on the server." };
    case "reconnecting":
      return {
        label: "Reconnecting…",
        detail: "The connection dropped. Keep writing: your edits are kept and will merge.",
      };
    case "offline":
      return {
        label: "Offline",
        detail: "You are offline. Edits are saved on this device and merge when you reconnect.",
      };
    case "gone":
      return {
        label: state.closeCode === 4404 ? "Deleted" : "Closed",
        detail:
          state.closeCode === 4404
            ? "This brief has been deleted."
            : state.closeCode === 4403 || state.closeCode === 4401
              ? "You no longer have access to this brief."
              : "The server closed this brief.",
      };
  }
}
