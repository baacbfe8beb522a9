import type { Identity } from "./identity.ts";

/** A person in the brief, as their awareness state shows them. */
export interface Peer extends Identity {
  clientId: number;
  self: boolean;
}

/**
 * The people in a brief from awareness states: one entry per client that announced a
 * user, the local one first, the rest by name.
 */
export function peersFrom(states: Map<number, Record<string, unknown>>, selfId: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    const user = state.user as Partial<Identity> | undefined;
    if (!user || typeof user.name !== "string") continue;
    peers.push({
      clientId,
      name: user.name,
      color: typeof user.color === "string" ? user.color : "#64748b",
      self: clientId === selfId,
    });
  }
  return peers.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}
