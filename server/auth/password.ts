import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

/**
 * scrypt parameters for new hashes: N=2^15, r=8, p=1 uses 32 MiB and ~50-100 ms per hash.
 * They are stored in each hash, so raising them later keeps old hashes verifiable.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Upper bounds for parameters read back from the store, so a bad row cannot stall us. */
const MAX_N = 2 ** 20;

function derive(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  const maxmem = 256 * (opts.N ?? 0) * (opts.r ?? 0) + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, KEY_BYTES, { ...opts, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** Hashes a password as `scrypt$N$r$p$salt$key` (salt and key base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  const { N, r, p } = COST;
  return ["scrypt", N, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** Checks a password against a stored hash in constant time; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  const N = Number(n);
  if (scheme !== "scrypt" || !salt || !key || !(N > 1 && N <= MAX_N)) return false;
  const expected = Buffer.from(key, "base64url");
  if (expected.length !== KEY_BYTES) return false;
  const actual = await derive(password, Buffer.from(salt, "base64url"), {
    N,
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}

let dummy: Promise<string> | null = null;
/**
 * Verifies against a throwaway hash, so signing in as an unknown email costs the same time
 * as a wrong password and does not reveal which emails have accounts.
 */
export async function burnVerification(password: string): Promise<false> {
  dummy ??= hashPassword(newDummy());
  await verifyPassword(password, await dummy);
  return false;
}
const newDummy = () => randomBytes(16).toString("hex");

const COMMON = new Set([
  "password",
  "password1",
  "password12",
  "password123",
  "password1234",
  "passw0rd",
  "1234567890",
  "12345678910",
  "0123456789",
  "qwertyuiop",
  "qwertyuiop1",
  "1q2w3e4r5t",
  "iloveyou12",
  "letmein123",
  "welcome123",
  "admin12345",
  "changeme123",
  "abcdefghij",
  "briefroom1",
  "briefroom123",
]);

/**
 * The password policy (see docs/security.md): at least 10 characters; at least two kinds
 * of character (lower case, upper case, digits, other) unless it is a passphrase of 16 or
 * more; not one repeated character; not a well-known password; not the email's name part.
 * Returns what is wrong, or null.
 */
export function passwordProblem(password: string, email: string): string | null {
  const chars = [...password];
  if (chars.length < 10) return "password: use at least 10 characters";
  if (new Set(chars).size < 3) return "password: use more than one or two different characters";
  const kinds = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((k) =>
    k.test(password),
  ).length;
  if (kinds < 2 && chars.length < 16) {
    return "password: mix letters with digits, capitals or symbols, or use 16+ characters";
  }
  if (COMMON.has(password.toLowerCase())) return "password: this one is too common";
  const local = email.split("@")[0] ?? "";
  if (local.length >= 4 && password.toLowerCase().includes(local)) {
    return "password: must not contain your email address";
  }
  return null;
}
