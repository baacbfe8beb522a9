import { useEffect, useReducer } from "react";
import { type ConnectionState, connectionReducer, initialConnection } from "./connection-state.ts";
import type { BriefSession } from "./session.ts";

/** Follows the session's provider and the browser's network state. */
export function useConnection(session: BriefSession | null): ConnectionState {
  const [state, dispatch] = useReducer(connectionReducer, navigator.onLine, initialConnection);
  useEffect(() => {
    if (!session) return;
    const { provider } = session;
    const onStatus = ({ status }: { status: "connecting" | "connected" | "disconnected" }) =>
      dispatch({ type: "status", status });
    const onSync = (synced: boolean) => dispatch({ type: "synced", synced });
    const onClosed = ({ code }: { code: number }) => dispatch({ type: "closed", code });
    const onOnline = () => dispatch({ type: "network", online: true });
    const onOffline = () => dispatch({ type: "network", online: false });
    provider.on("status", onStatus);
    provider.on("sync", onSync);
    provider.on("closed", onClosed);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    if (provider.synced) dispatch({ type: "synced", synced: true });
    return () => {
      provider.off("status", onStatus);
      provider.off("sync", onSync);
      provider.off("closed", onClosed);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
    };
  }, [session]);
  return state;
}
