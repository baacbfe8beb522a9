import { useEffect, useState } from "react";
import { briefsApi } from "../api/briefs.ts";
import { ApiError } from "../api/errors.ts";

export type BriefRecord =
  | { status: "loading" }
  | { status: "ok"; brief: Awaited<ReturnType<typeof briefsApi.get>> }
  | { status: "missing" }
  /** The server could not be reached: the brief may still open from this device's copy. */
  | { status: "unreachable" };

/** Checks the brief exists before the editor opens it; offline is not an error. */
export function useBriefRecord(briefId: string, linkToken: string | null): BriefRecord {
  const [record, setRecord] = useState<BriefRecord>({ status: "loading" });
  useEffect(() => {
    let live = true;
    briefsApi.get(briefId, linkToken ?? undefined).then(
      (brief) => live && setRecord({ status: "ok", brief }),
      (err: unknown) => {
        if (!live) return;
        setRecord(
          err instanceof ApiError && err.status === 404
            ? { status: "missing" }
            : { status: "unreachable" },
        );
      },
    );
    return () => {
      live = false;
    };
  }, [briefId, linkToken]);
  return record;
}
