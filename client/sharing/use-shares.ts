import { useCallback, useEffect, useState } from "react";
import type { CreateShare, ShareView } from "../../server/schema/auth.ts";
import { readableError } from "../api/errors.ts";
import { sharesApi } from "../api/shares.ts";

/** A brief's shares, kept in step with what the owner adds and revokes. */
export function useShares(briefId: string) {
  const [shares, setShares] = useState<ShareView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    sharesApi.list(briefId).then(
      (list) => live && setShares(list),
      (err: unknown) => live && setError(readableError(err)),
    );
    return () => {
      live = false;
    };
  }, [briefId]);

  const add = useCallback(
    async (input: CreateShare) => {
      const share = await sharesApi.create(briefId, input);
      // Re-inviting an email changes its role in place.
      setShares((list) => [...(list ?? []).filter((s) => s.id !== share.id), share]);
      return share;
    },
    [briefId],
  );

  const revoke = useCallback(
    async (shareId: string) => {
      await sharesApi.revoke(briefId, shareId);
      setShares((list) => list?.filter((s) => s.id !== shareId) ?? null);
    },
    [briefId],
  );

  return { shares, error, add, revoke };
}
