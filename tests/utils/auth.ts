import type { PublicUser } from "../../server/schema/auth.ts";

/** Meets the password policy; every test account uses it unless a test says otherwise. */
export const TEST_PASSWORD = "Correct-Horse-42";
export const TEST_ADMIN = { email: "admin@briefroom.test", name: "Test Admin" };

/** Default credentials per server (host:port), used by `request`, `connectClient` and raw sockets. */
const defaults = new Map<string, string>();
const hostOf = (url: string) => new URL(url).host;

export function setDefaultToken(url: string, token: string | null): void {
  if (token) defaults.set(hostOf(url), token);
  else defaults.delete(hostOf(url));
}

/**
 * The token the test utilities send to this server when a test names none. A URL on
 * another port (a test's TCP proxy in front of the server) gets the latest one registered.
 */
export function defaultToken(url: string): string | undefined {
  return defaults.get(hostOf(url)) ?? [...defaults.values()].at(-1);
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export interface SignedUp {
  token: string;
  user: PublicUser;
  /** Headers that authenticate a fetch as this user. */
  headers: Record<string, string>;
}

let counter = 0;

/** Signs up a fresh account (a unique email unless given) and returns its token. */
export async function signUp(
  server: { url: string },
  opts: { email?: string; name?: string; password?: string } = {},
): Promise<SignedUp> {
  counter++;
  const email = opts.email ?? `user-${process.pid}-${counter}-${Date.now()}@briefroom.test`;
  const res = await fetch(`${server.url}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email,
      name: opts.name ?? `User ${counter}`,
      password: opts.password ?? TEST_PASSWORD,
    }),
  });
  const body = (await res.json()) as { token: string; user: PublicUser };
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(body)}`);
  return { token: body.token, user: body.user, headers: bearer(body.token) };
}

/** Signs in; throws unless it succeeds. */
export async function signIn(
  server: { url: string },
  email: string,
  password = TEST_PASSWORD,
): Promise<SignedUp> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { token: string; user: PublicUser };
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(body)}`);
  return { token: body.token, user: body.user, headers: bearer(body.token) };
}

/**
 * Signs in as the test admin (signing it up first on a fresh instance, where it becomes the
 * admin) and makes its token the server's default for the test utilities.
 */
export async function signInTestAdmin(server: { url: string }): Promise<SignedUp> {
  let admin: SignedUp;
  try {
    admin = await signUp(server, TEST_ADMIN);
  } catch {
    admin = await signIn(server, TEST_ADMIN.email);
  }
  setDefaultToken(server.url, admin.token);
  return admin;
}

/** Adds `?token=` (the given or the default one) to a WebSocket URL that has none. */
export function withToken(url: string, token = defaultToken(url)): string {
  const u = new URL(url);
  if (token && !u.searchParams.has("token")) u.searchParams.set("token", token);
  return u.toString();
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * One HTTP request as a given caller: `token` as a bearer (null: anonymous, no default),
 * extra `headers` (cookies, Origin), a JSON `body` or a `raw` one.
 */
export async function call<T = unknown>(
  server: { url: string },
  method: string,
  path: string,
  opts: {
    token?: string | null;
    body?: unknown;
    raw?: string | Uint8Array;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {
    ...(opts.token ? bearer(opts.token) : {}),
    ...opts.headers,
  };
  let body: string | Uint8Array | undefined;
  if (opts.body !== undefined) {
    headers["content-type"] ??= "application/json";
    body = JSON.stringify(opts.body);
  } else if (opts.raw !== undefined) body = opts.raw;
  const res = await fetch(server.url + path, {
    method,
    headers,
    body: body as BodyInit | undefined,
  });
  const text = await res.text();
  let parsed: unknown = text;
  if ((res.headers.get("content-type") ?? "").includes("json") && text) parsed = JSON.parse(text);
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** The session cookie a sign-up or sign-in answer set, as a `cookie` header value. */
export function sessionCookie(answer: { headers: Headers }): string {
  const set = answer.headers.getSetCookie().find((c) => c.startsWith("briefroom_session="));
  if (!set) throw new Error("no session cookie was set");
  return set.split(";")[0]!;
}

/** Whether the auth integration is applied (server/app.ts installs it). */
