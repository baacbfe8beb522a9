import type { Peer } from "../collab/presence.ts";
import { Avatar } from "./avatar.tsx";

const SHOWN = 4;

/** Who is in the brief right now. */
export function PresenceList({ peers: everyone }: { peers: Peer[] }) {
  // You are shown by the identity menu beside this list.
  const peers = everyone.filter((p) => !p.self);
  const names = peers.map((p) => p.name);
  const others = peers.length;
  return (
    <section className="presence" aria-label="People in this brief">
      <ul className="presence-avatars">
        {peers.slice(0, SHOWN).map((p) => (
          <li key={p.clientId} title={p.name} data-peer={p.name}>
            <Avatar name={p.name} color={p.color} />
            <span className="visually-hidden">{p.name}</span>
          </li>
        ))}
        {peers.length > SHOWN && (
          <li className="presence-more" title={names.slice(SHOWN).join(", ")}>
            +{peers.length - SHOWN}
          </li>
        )}
      </ul>
      <span className="presence-summary">
        {others === 0
          ? "Only you here"
          : others === 1
            ? `${peers[0]?.name} is here`
            : `${others} others here`}
      </span>
    </section>
  );
}
