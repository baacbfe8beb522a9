import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { collabServerUrl } from "../api/client.ts";
import type { Identity } from "./identity.ts";

/** One open brief: its Y.Doc, the live link to the server and the copy kept on this device. */
export interface BriefSession {
  briefId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  local: IndexeddbPersistence;
  destroy(): void;
}

/** IndexedDB database holding a brief's offline copy. */
export const localDbName = (briefId: string) => `briefroom:brief:${briefId}`;

/**
 * Opens a brief. The WebSocket connects only while the browser is online (and is dropped
 * at once when it goes offline), so the connection badge tells the truth and edits made
 * offline wait in IndexedDB, merging when the socket comes back.
 */
export function openSession(
  briefId: string,
  identity: Identity,
  linkToken: string | null = null,
): BriefSession {
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(localDbName(briefId), doc);
  const provider = new WebsocketProvider(collabServerUrl(), briefId, doc, {
    connect: navigator.onLine,
    // A link share's token; without one the session cookie goes along with the upgrade.
    params: linkToken ? { token: linkToken } : {},
    maxBackoffTime: 5000,
  });
  provider.awareness.setLocalStateField("user", identity);

  const goOnline = () => provider.connect();
  const goOffline = () => provider.disconnect();
  window.addEventListener("online", goOnline);
  window.addEventListener("offline", goOffline);

  return {
    briefId,
    doc,
    provider,
    local,
    destroy() {
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
      provider.destroy();
      void local.destroy();
      doc.destroy();
    },
  };
}
