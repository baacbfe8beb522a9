import type { PublicUser } from "../../server/schema/auth.ts";
import { type Identity, PALETTE, randomIdentity } from "../collab/identity.ts";

/** The signed-in account as this browser remembers it between visits (never a credential). */
export type Account = Pick<PublicUser, "id" | "email" | "name" | "isAdmin">;

const KEY = "briefroom:account";

/**
 * The last account seen signed in here. The session cookie is HttpOnly, so this is how the
 * app knows, without asking the server, whether to show the sign-in page, and who you are
 * when the brief opens offline. The server still decides: a 401 clears it.
 */
export function loadAccount(): Account | null {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? "null") as Partial<Account> | null;
    if (!value || typeof value.id !== "string" || typeof value.name !== "string") return null;
    return {
      id: value.id,
      name: value.name,
      email: String(value.email ?? ""),
      isAdmin: value.isAdmin === true,
    };
  } catch {
    return null;
  }
}

export function saveAccount(account: Account | null): void {
  if (account) {
    const { id, email, name, isAdmin } = account;
    localStorage.setItem(KEY, JSON.stringify({ id, email, name, isAdmin }));
  } else localStorage.removeItem(KEY);
}

/** A stable caret colour per account, so people keep theirs across devices. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length] as string;
}

/** How others see this person in a brief: the account's name and colour. */
export function identityOf(account: Account | null): Identity {
  if (!account) return { ...randomIdentity(), name: "Guest with a link" };
  return { name: account.name, color: colorFor(account.id) };
}
