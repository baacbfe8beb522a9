import { useEffect, useState } from "react";
import type { Identity } from "./identity.ts";
import { type BriefSession, openSession } from "./session.ts";

/** Opens the brief's session for as long as the component is mounted. */
export function useBriefSession(
  briefId: string,
  identity: Identity,
  linkToken: string | null,
): BriefSession | null {
  const [session, setSession] = useState<BriefSession | null>(null);
  // The identity is read once per brief; later renames go through awareness.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    const opened = openSession(briefId, identity, linkToken);
    setSession(opened);
    return () => {
      setSession(null);
      opened.destroy();
    };
  }, [briefId, linkToken]);
  return session;
}
