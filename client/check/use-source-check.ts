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
      // An answer still on its way describes the doc before this change: drop it.
      pending?.abort();
      clearTimeout(timer);
      timer = setTimeout(run, CHECK_DELAY_MS);
    };
    session.doc.on("update", schedule);
    run();
    return () => {
      session.doc.off("update", schedule);
      clearTimeout(timer);
      pending?.abort();
      setResult(null);
    };
  }, [session, linkToken]);
  return result;
}
