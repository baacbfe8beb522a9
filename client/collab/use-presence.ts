import { useEffect, useState } from "react";
import { type Peer, peersFrom } from "./presence.ts";
import type { BriefSession } from "./session.ts";

/** Everyone currently in the brief, including this browser. */
export function usePresence(session: BriefSession | null): Peer[] {
  const [peers, setPeers] = useState<Peer[]>([]);
  useEffect(() => {
    if (!session) return;
    const { awareness } = session.provider;
    const update = () => setPeers(peersFrom(awareness.getStates(), awareness.clientID));
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [session]);
  return peers;
}
