import { useEffect, useState } from "react";
import type { CheckResult } from "../../server/schema/check.ts";
import { briefsApi } from "../api/briefs.ts";
import type { BriefSession } from "../collab/session.ts";

/** How long the shared doc must be still before it is checked again. */
export const CHECK_DELAY_MS = 600;

/**
 * The brief's source check, asked of the server (which checks its live copy of the shared
 * doc, so everyone gets the same answer) when the brief opens and again once edits, anyone's,
 * pause. A failed check (offline, say) keeps the last answer.
 */
export function useSourceCheck(
  session: BriefSession | null,
  linkToken: string | null,
): CheckResult | null {
  const [result, setResult] = useState<CheckResult | null>(null);
  useEffect(() => {
    if (!session) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending: AbortController | null = null;
    const run = () => {
      const request = new AbortController();
      pending = request;
      briefsApi.check(session.briefId, linkToken ?? undefined, request.signal).then(
        (answer) => request.signal.aborted || setResult(answer),
        () => {},
      );
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(run, CHECK_DELAY_MS);
    };
    // Until the first sync, updates are what the server already holds (which the check asked
    // for at open covers: it is made on the server's copy) or this browser's offline copy,
    // which may hold edits the server gets with that sync: checked again once it is in.
    const { provider } = session;
    let synced = provider.synced;
    let keptHere = false;
    const onSync = (isSynced: boolean) => {
      if (!isSynced || synced) return;
      synced = true;
      if (keptHere) schedule();
    };
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (!synced) {
        keptHere ||= origin !== provider;
        return;
      }
      // An answer still on its way describes the doc before this change: drop it.
      pending?.abort();
      schedule();
    };
    provider.on("sync", onSync);
    session.doc.on("update", onUpdate);
    run();
    return () => {
      provider.off("sync", onSync);
      session.doc.off("update", onUpdate);
      clearTimeout(timer);
      pending?.abort();
      setResult(null);
    };
  }, [session, linkToken]);
  return result;
}
