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

/**
 * A page's text in the encoding a browser would pick: a byte-order mark, then the HTTP
 * header's charset, then (for HTML) a `<meta charset>` or `<meta http-equiv>` in the first
 * 1024 bytes, else UTF-8. Many older news sites declare windows-1252 only in the page.
 */
function decode(bytes: Uint8Array, contentType: string, html: boolean): string {
  const charset =
    bomCharset(bytes) ??
    charsetIn(contentType) ??
    (html ? charsetIn(latin1(bytes.subarray(0, 1024)), META_CHARSET) : null) ??
    "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  // Node 20 decodes windows-1252 (which "latin1", "iso-8859-1" and "ascii" also name) as
  // ISO-8859-1: 0x80–0x9F, where it keeps € and curly quotes, come out as control characters.
  return decoder.encoding === "windows-1252"
    ? latin1(bytes).replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252[c.charCodeAt(0) - 0x80] || c)
    : decoder.decode(bytes);
}

/** windows-1252's characters for bytes 0x80–0x9F (the five it leaves undefined kept as they are). */
const WINDOWS_1252 = [..."€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ"].map((c) => (c === "\0" ? "" : c));

const HEADER_CHARSET = /charset\s*=\s*["']?([\w.:-]+)/i;
/** `<meta charset="…">`, or `<meta http-equiv="Content-Type" content="…; charset=…">`. */
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?([\w.:-]+)/i;

function charsetIn(text: string, pattern = HEADER_CHARSET): string | null {
  return pattern.exec(text)?.[1] ?? null;
}

function bomCharset([a, b, c]: Uint8Array): string | null {
  if (a === 0xef && b === 0xbb && c === 0xbf) return "utf-8";
  if (a === 0xff && b === 0xfe) return "utf-16le";
  if (a === 0xfe && b === 0xff) return "utf-16be";
  return null;
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");

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
    const body = decode(await readCapped(response, maxBytes), contentType, type !== "text/plain");
    return type === "text/plain" ? { url: url.href, text: body } : { url: url.href, html: body };
  }
}
