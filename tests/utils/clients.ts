import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { BODY_FIELD } from "../../server/schema/editor.ts";
import { defaultToken } from "./auth.ts";

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Plain text of the body fragment. */
  text(): string;
  destroy(): void;
}

// In Node each WebsocketProvider adds a process "exit" listener (y-websocket), and tests run
// up to 20 clients in one process: past 10, Node warns of a listener leak that is not one.
process.setMaxListeners(Math.max(process.getMaxListeners(), 64));

/** A stock y-websocket client, as a browser would run it, over the `ws` package. */
export function connectClient(
  wsUrl: string,
  briefId: string,
  opts: { connect?: boolean; doc?: Y.Doc; params?: Record<string, string> } = {},
): Client {
  const doc = opts.doc ?? new Y.Doc();
  const token = defaultToken(wsUrl);
  const params = opts.params ?? (token ? { token } : undefined);
  const provider = new WebsocketProvider(wsUrl, briefId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    connect: opts.connect ?? true,
    disableBc: true,
    maxBackoffTime: 200,
    ...(params ? { params } : {}),
  });
  return {
    doc,
    provider,
    text: () => fragmentText(doc),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** The body's text: one line per top-level element. */
export function fragmentText(doc: Y.Doc): string {
  return bodyLines(doc).join("\n");
}

/**
 * The text of each top-level element of the body. Unlike splitting `fragmentText`, an empty
 * body is `[]` and an empty paragraph is `""`, so a brief's starting body can be told apart.
 */
export function bodyLines(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment(BODY_FIELD)
    .toArray()
    .map((el) => (el instanceof Y.XmlElement ? textOf(el) : String(el)));
}

function textOf(el: Y.XmlElement | Y.XmlText): string {
  if (el instanceof Y.XmlText) return el.toString();
  return el
    .toArray()
    .map((c) => textOf(c as Y.XmlElement | Y.XmlText))
    .join("");
}

/** Appends a paragraph with `text` to the body, as an editor would. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(BODY_FIELD).push([p]);
}

/** Resolves once `provider` has synced with the server. */
export function synced(provider: WebsocketProvider, timeoutMs = 5000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("client did not sync in time")), timeoutMs);
    provider.once("sync", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Polls until `check` is true. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what = "condition",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
