import { createHash, randomBytes } from "node:crypto";

/** A bearer secret: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the store keeps of a token: its SHA-256. A leaked table grants no access. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Cheap shape check before touching the store with a presented token. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** A random, URL-safe id for users and shares. */
export function newId(): string {
  return randomBytes(15).toString("base64url");
}
