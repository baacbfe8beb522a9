import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

/** Where receivers record what they observe: every marker seen, and its age on arrival. */
export interface LatencySink {
  latencies: number[];
  /** The ages of markers sent through another instance than the receiver's, when kept. */
  crossLatencies?: number[];
  observed: number;
}

/**
 * An edit carries its send time and the sender's instance: `~<performance.now()>@<n>~`,
 * parsed back by every receiver.
 */
const MARKER = /~(\d+\.\d+)@(\d+)~/g;
const COLORS = ["#958DF1", "#F98181", "#FBBC88", "#FAF594", "#70CFF8", "#94FADB", "#B9F18D"];

/**
 * One simulated person: a stock y-websocket `WebsocketProvider` over `ws`, with presence set
 * the way Tiptap's collaboration caret sets it (user name and colour, then a cursor made of
 * relative positions that moves with every keystroke). Stock providers re-broadcast every
 * awareness update they receive, so the echo traffic a real room makes is real here too.
 */
export class BenchClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** When the client started connecting, and when its first sync completed. */
  readonly startedAt = performance.now();
  syncedAt: number | null = null;
  closeCodes: number[] = [];
  sent = 0;
  private text: Y.XmlText | null = null;
  private timers: NodeJS.Timeout[] = [];

  constructor(
    wsUrl: string,
    readonly room: string,
    readonly index: number,
    sink: LatencySink | null,
    /** Which of the server's instances `wsUrl` points at. */
    readonly instance = 0,
  ) {
    // Credentials ride on wsUrl as a query string; the provider sends them as `params`.
    const [serverUrl = wsUrl, query = ""] = wsUrl.split("?");
    this.provider = new WebsocketProvider(serverUrl, room, this.doc, {
      params: Object.fromEntries(new URLSearchParams(query)),
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 1000,
      connect: false,
    });
    this.provider.awareness.setLocalState({
      user: { name: `Bench user ${index}`, color: COLORS[index % COLORS.length] },
      cursor: null,
    });
    if (sink) this.observe(sink);
    this.provider.on("sync", (isSynced: boolean) => {
      if (isSynced && this.syncedAt === null) this.syncedAt = performance.now();
    });
    this.provider.on("connection-close", (event: CloseEvent | null) => {
      if (event && event.code >= 4000) this.closeCodes.push(event.code);
    });
    this.provider.connect();
  }

  get body(): Y.XmlFragment {
    return this.doc.getXmlFragment("default");
  }

  /** Resolves once synced; rejects after `timeoutMs` or when the server refuses the room. */
  async synced(timeoutMs = 30_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.syncedAt === null) {
      if (this.closeCodes.length > 0)
        throw new Error(`room ${this.room} closed ${this.closeCodes[0]}`);
      if (performance.now() > deadline)
        throw new Error(`client ${this.index} of ${this.room} did not sync`);
      await sleep(5);
    }
  }

  /** Types at the end of paragraph `paragraph` (which must exist). */
  typeInto(paragraph: number): void {
    const p = this.body.get(paragraph) as Y.XmlElement;
    this.text = p.get(0) as Y.XmlText;
  }

  /** One keystroke's worth of change: a marker, then the cursor moves after it. */
  typeOnce(): void {
    const text = this.text!;
    const now = performance.now();
    text.insert(text.length, `~${now.toFixed(3)}@${this.instance}~`);
    this.sent++;
    const pos = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
    this.provider.awareness.setLocalStateField("cursor", { anchor: pos, head: pos });
  }

  /** Types `rate` times a second, starting at a random phase, until `stopTyping`. */
  startTyping(rate: number): void {
    const period = 1000 / rate;
    const start = setTimeout(() => {
      this.typeOnce();
      this.timers.push(setInterval(() => this.typeOnce(), period));
    }, Math.random() * period);
    this.timers.push(start);
  }

  stopTyping(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
  }

  /** The body as XML text: equal fingerprints mean converged documents. */
  fingerprint(): string {
    return this.body.toString();
  }

  destroy(): void {
    this.stopTyping();
    this.provider.destroy();
    this.doc.destroy();
  }

  private observe(sink: LatencySink): void {
    this.body.observeDeep((events, tr) => {
      if (tr.local) return;
      const now = performance.now();
      for (const event of events) {
        if (!(event.target instanceof Y.XmlText)) continue;
        for (const op of event.delta) {
          if (typeof op.insert !== "string") continue;
          for (const m of op.insert.matchAll(MARKER)) {
            const age = now - Number(m[1]);
            sink.latencies.push(age);
            if (Number(m[2]) !== this.instance) sink.crossLatencies?.push(age);
            sink.observed++;
          }
        }
      }
    });
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
