import { hc } from "hono/client";
import type { AppType } from "../../server/app.ts";
import { errorFromResponse } from "./errors.ts";

type Listener = (status: number) => void;
const authListeners = new Set<Listener>();

/** Called when the server refuses our credentials (401), e.g. to show a sign-in screen. */
export function onAuthFailure(listener: Listener): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

/**
 * Every request the app makes passes through here: the session cookie goes along, and a
 * 401 is reported once, in one place.
 */
export async function apiFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const res = await fetch(input, { ...init, credentials: "same-origin" });
  if (res.status === 401) for (const listener of authListeners) listener(res.status);
  return res;
}

const origin = globalThis.location?.origin ?? "http://localhost";

/** The typed API client. Use it through the resource modules beside this file. */
export const client = hc<AppType>(origin, { fetch: apiFetch });

/** Base URL for y-websocket's provider; the room name (brief id) is appended by it. */
export function collabServerUrl(): string {
  const url = new URL("/collab", origin);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

interface JsonResponse {
  ok: boolean;
  json(): Promise<unknown>;
}

/** Awaits a typed request and returns its JSON body, or throws an `ApiError`. */
export async function ok<R extends JsonResponse>(
  request: Promise<R>,
): Promise<Awaited<ReturnType<R["json"]>>> {
  const res = await request;
  if (!res.ok) throw await errorFromResponse(res as unknown as Response);
  return (await res.json()) as Awaited<ReturnType<R["json"]>>;
}

/** Awaits a typed request that answers without a body (204). */
export async function done(request: Promise<{ ok: boolean }>): Promise<void> {
  const res = await request;
  if (!res.ok) throw await errorFromResponse(res as unknown as Response);
}
