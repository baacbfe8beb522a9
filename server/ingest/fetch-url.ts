import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { AppError, badGateway, badRequest, tooLarge, unsupportedMedia } from "../errors.ts";

/** Options for fetching an article page. */
export interface FetchOptions {
  /** Allow loopback, private and link-local addresses (tests, intranet deployments). */
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

/** A fetched page: exactly one of html or text, and the URL it finally came from. */
export interface FetchedPage {
  url: string;
  html?: string;
  text?: string;
}

const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const) {
  blocked.addSubnet(net, bits, "ipv4");
}
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  blocked.addSubnet(net, bits, "ipv6");
}

/** True for addresses a server must not be made to call: loopback, private, link-local... */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

async function checkHost(url: URL, allowPrivate: boolean): Promise<void> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw badRequest("url_not_allowed", "Only http and https URLs can be fetched.");
  }
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host)
    ? [host]
    : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0)
    throw badGateway("url_unresolvable", `Could not resolve ${url.hostname}.`);
  if (addresses.some(isPrivateAddress)) {
    throw badRequest(
      "url_not_allowed",
      `${url.hostname} is a private or local address; it cannot be fetched.`,
    );
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge(`The page is larger than ${maxBytes} bytes.`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.length;
      if (size > maxBytes) throw tooLarge(`The page is larger than ${maxBytes} bytes.`);
      chunks.push(read.value);
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    if (error instanceof AppError) throw error;
    throw badGateway("url_fetch_failed", "The page stopped arriving before it was complete.");
  }
  return Buffer.concat(chunks);
}

function decode(bytes: Uint8Array, contentType: string): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? "utf-8";
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

/**
 * Fetches an article page without letting the URL reach inside the network: every hop's
 * host must resolve to public addresses (unless allowPrivate), at most 5 redirects, each
 * re-checked; a timeout, a body size cap, and only text/html or text/plain are accepted.
 * The address check precedes the connection, so a DNS answer changing in between (rebinding)
 * is not covered; put an egress proxy in front in hostile deployments.
 */
export async function fetchArticleUrl(
  rawUrl: string,
  opts: FetchOptions = {},
): Promise<FetchedPage> {
  const { allowPrivate = false, timeoutMs = 10_000, maxBytes = 5_000_000, maxRedirects = 5 } = opts;
  const signal = AbortSignal.timeout(timeoutMs);
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw badRequest("invalid_url", "That is not a valid URL.");
  }
  for (let hop = 0; ; hop++) {
    await checkHost(url, allowPrivate);
    const response = await fetch(url, {
      redirect: "manual",
      signal,
      headers: { accept: "text/html,text/plain;q=0.9" },
    }).catch((error: unknown) => {
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      throw badGateway(
        timedOut ? "url_timeout" : "url_fetch_failed",
        timedOut ? `${url.host} did not answer in time.` : `Could not fetch ${url.host}.`,
      );
    });
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (hop >= maxRedirects)
        throw badGateway("too_many_redirects", `More than ${maxRedirects} redirects.`);
      url = new URL(location, url);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw badGateway("url_fetch_failed", `${url.host} answered ${response.status}.`);
    }
    const contentType = response.headers.get("content-type") ?? "";
    const type = contentType.split(";")[0]!.trim().toLowerCase();
    if (type !== "text/html" && type !== "text/plain" && type !== "application/xhtml+xml") {
      await response.body?.cancel();
      throw unsupportedMedia(
        `Only HTML or plain-text pages can be imported, not ${type || "unknown content"}.`,
      );
    }
    const body = decode(await readCapped(response, maxBytes), contentType);
    return type === "text/plain" ? { url: url.href, text: body } : { url: url.href, html: body };
  }
}
