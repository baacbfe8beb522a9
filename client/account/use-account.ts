import { useCallback, useEffect, useState } from "react";
import type { PublicUser } from "../../server/schema/auth.ts";
import { authApi } from "../api/auth.ts";
import { onAuthFailure } from "../api/client.ts";
import { ApiError } from "../api/errors.ts";
import { type Account, loadAccount, saveAccount } from "./account.ts";

export interface AccountState {
  /** Who is signed in; null when nobody is (or the session ended). */
  account: Account | null;
  signedIn: (user: PublicUser) => void;
  signOut: () => Promise<void>;
}

/**
 * The signed-in account: remembered from the last visit, confirmed with `GET /api/me`
 * (offline, the remembered one stands), and dropped whenever the server answers 401.
 */
export function useAccount(): AccountState {
  const [account, setAccount] = useState<Account | null>(loadAccount);

  const update = useCallback((next: Account | null) => {
    saveAccount(next);
    setAccount(next);
  }, []);

  useEffect(() => onAuthFailure(() => update(null)), [update]);

  const known = account !== null;
  useEffect(() => {
    // Nobody remembered: the sign-in page shows without a request that could only fail.
    if (!known) return;
    authApi.me().then(update, (err: unknown) => {
      if (err instanceof ApiError && err.status === 401) update(null);
    });
  }, [known, update]);

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      update(null);
    }
  }, [update]);

  return { account, signedIn: update, signOut };
}
