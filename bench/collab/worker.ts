/**
 * The load generator: a child process holding the bench's y-websocket clients, driven over
 * IPC by run.ts. Every room lives entirely in one worker, so senders and receivers share one
 * `performance.now()` clock.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import * as Y from "yjs";
import { BenchClient, type LatencySink, sleep } from "./bench-client.ts";
import { serveRpc } from "./rpc.ts";

// Every provider registers a process "exit" listener.
process.setMaxListeners(0);

const rooms = new Map<string, BenchClient[]>();
/** Shared by every observing client; reset (never replaced) between phases. */
const sink: Required<LatencySink> = { latencies: [], crossLatencies: [], observed: 0 };
const loopDelay = monitorEventLoopDelay({ resolution: 10 });

const LOREM =
  "Ministers agreed the framework in principle, but the costings were left to a later review. ";

function all(): BenchClient[] {
  return [...rooms.values()].flat();
}

async function inBatches<T>(
  items: T[],
  size: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out: ${what}`);
    await sleep(20);
  }
}

/** A new client in `room`, on the next of the server's instances in turn. */
function join(wsUrls: string[], room: string, observe: boolean): BenchClient {
  const list = rooms.get(room) ?? [];
  rooms.set(room, list);
  const client = dealt(wsUrls, room, list.length, observe ? sink : null);
  list.push(client);
  return client;
}

/** Client number `index` of a room goes to instance `index mod n`, as a round-robin balancer deals them. */
function dealt(wsUrls: string[], room: string, index: number, s: LatencySink | null) {
  const instance = index % wsUrls.length;
  return new BenchClient(wsUrls[instance]!, room, index, s, instance);
}

serveRpc({
  /**
   * Connects `clientsPerRoom` observing clients to each room (a batch at a time: setup is not
   * what is measured), then the first client of each room writes `paragraphs` paragraphs and
   * each client takes one of them to type into.
   */
  async connect(args: {
    wsUrls: string[];
    rooms: string[];
    clientsPerRoom: number;
    paragraphs?: number;
    paragraphText?: string;
  }) {
    const started = performance.now();
    const fresh: BenchClient[] = [];
    await inBatches(
      args.rooms,
      Math.max(1, Math.floor(100 / args.clientsPerRoom)),
      async (room) => {
        const made = Array.from({ length: args.clientsPerRoom }, () =>
          join(args.wsUrls, room, true),
        );
        fresh.push(...made);
        await Promise.all(made.map((c) => c.synced()));
      },
    );
    const paragraphs = args.paragraphs ?? args.clientsPerRoom;
    // A new brief starts with the body its template gives it (Briefroom: one empty
    // paragraph, the reference: none); the seeded paragraphs follow it.
    const offset = new Map<string, number>();
    for (const room of args.rooms) {
      const first = rooms.get(room)![0]!;
      offset.set(room, first.body.length);
      first.doc.transact(() => {
        for (let i = 0; i < paragraphs; i++) {
          const p = new Y.XmlElement("paragraph");
          p.insert(0, [new Y.XmlText(args.paragraphText ?? "")]);
          first.body.push([p]);
        }
      });
    }
    const seeded = (c: BenchClient) => offset.get(c.room)! + paragraphs;
    await until(() => fresh.every((c) => c.body.length >= seeded(c)), 60_000, "seeded paragraphs");
    for (const c of fresh) c.typeInto(offset.get(c.room)! + (c.index % paragraphs));
    return { clients: fresh.length, ms: performance.now() - started };
  },

  /** Every client types at `rate` edits/s for `durationMs`. */
  async type(args: { rate: number; durationMs: number }) {
    sink.latencies = [];
    sink.crossLatencies = [];
    sink.observed = 0;
    for (const c of all()) c.sent = 0;
    loopDelay.reset();
    loopDelay.enable();
    const clients = all();
    for (const c of clients) c.startTyping(args.rate);
    await sleep(args.durationMs);
    for (const c of clients) c.stopTyping();
    return { sent: clients.reduce((n, c) => n + c.sent, 0) };
  },

  /** Waits until every receiver has seen every edit (or `timeoutMs`); returns the samples. */
  async drain(args: { timeoutMs: number }) {
    const expected = expectedObservations();
    const started = performance.now();
    await until(() => sink.observed >= expected, args.timeoutMs, "drain").catch(() => {});
    loopDelay.disable();
    return {
      latencies: Float64Array.from(sink.latencies),
      crossLatencies: Float64Array.from(sink.crossLatencies),
      observed: sink.observed,
      expected,
      drainMs: performance.now() - started,
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    };
  },

  /**
   * Converged: in every room, all clients and one client that connects now hold the same
   * body. Returns the number of rooms that converged.
   */
  async verify(args: { wsUrls: string[] }) {
    let converged = 0;
    const problems: string[] = [];
    await inBatches([...rooms.keys()], 50, async (room) => {
      const clients = rooms.get(room)!;
      const late = dealt(args.wsUrls, room, 0, null);
      try {
        await late.synced();
        const want = late.fingerprint();
        const off = clients.filter((c) => c.fingerprint() !== want).length;
        if (off === 0) converged++;
        else if (problems.length < 5)
          problems.push(`${room}: ${off}/${clients.length} clients differ`);
      } catch (err) {
        if (problems.length < 5) problems.push(`${room}: ${(err as Error).message}`);
      } finally {
        late.destroy();
      }
    });
    return { rooms: rooms.size, converged, problems };
  },

  /** Connects `clientsPerRoom` more clients to each room all at once; time to first sync. */
  async storm(args: {
    wsUrls: string[];
    rooms: string[];
    clientsPerRoom: number;
    timeoutMs: number;
  }) {
    const started = performance.now();
    const made: BenchClient[] = [];
    for (const room of args.rooms) {
      for (let i = 0; i < args.clientsPerRoom; i++) made.push(join(args.wsUrls, room, false));
    }
    await Promise.all(made.map((c) => c.synced(args.timeoutMs))).catch(() => {});
    const done = made.filter((c) => c.syncedAt !== null);
    return {
      clients: made.length,
      synced: done.length,
      samples: Float64Array.from(done.map((c) => c.syncedAt! - c.startedAt)),
      wallMs: Math.max(...done.map((c) => c.syncedAt!)) - started,
    };
  },

  /**
   * Builds a long brief the way people write one: a paragraph, then its text a few words at
   * a time, each edit its own update. A second client follows along; done when it matches.
   */
  async bigBuild(args: {
    wsUrls: string[];
    room: string;
    paragraphs: number;
    editsPerParagraph: number;
  }) {
    const writer = join(args.wsUrls, args.room, false);
    const follower = join(args.wsUrls, args.room, false);
    await Promise.all([writer.synced(), follower.synced()]);
    const started = performance.now();
    let edits = 0;
    const chunk = Math.ceil(LOREM.length / args.editsPerParagraph);
    for (let i = 0; i < args.paragraphs; i++) {
      const p = new Y.XmlElement("paragraph");
      const text = new Y.XmlText();
      writer.doc.transact(() => {
        p.insert(0, [text]);
        writer.body.push([p]);
      });
      edits++;
      for (let k = 0; k < args.editsPerParagraph; k++) {
        text.insert(text.length, LOREM.slice(k * chunk, (k + 1) * chunk) || ".");
        edits++;
      }
      // Let the socket drain and replies arrive, as a typing person would.
      if (i % 20 === 19) await new Promise((r) => setImmediate(r));
    }
    const sentMs = performance.now() - started;
    const want = writer.fingerprint();
    await until(() => follower.fingerprint() === want, 300_000, "follower to catch up");
    return {
      edits,
      sentMs,
      settledMs: performance.now() - started,
      stateBytes: Y.encodeStateAsUpdate(writer.doc).byteLength,
      paragraphs: writer.body.length,
    };
  },

  /** `n` new clients, one after another, each timed from connect to synced and checked. */
  async bigSync(args: {
    wsUrls: string[];
    room: string;
    n: number;
    paragraphs: number;
    want: string;
  }) {
    const samples: number[] = [];
    let converged = 0;
    for (let i = 0; i < args.n; i++) {
      const c = dealt(args.wsUrls, args.room, 1000 + i, null);
      await c.synced(60_000);
      samples.push(c.syncedAt! - c.startedAt);
      if (c.body.length === args.paragraphs && c.fingerprint() === args.want) converged++;
      c.destroy();
      await sleep(50);
    }
    return { samples, converged };
  },

  /** The body of a room's first client, to check later loads against. */
  async fingerprint(args: { room: string }) {
    return rooms.get(args.room)![0]!.fingerprint();
  },

  async disconnectAll() {
    for (const c of all()) c.destroy();
    rooms.clear();
    return {};
  },

  async exit() {
    for (const c of all()) c.destroy();
    setTimeout(() => process.exit(0), 50);
    return {};
  },
});

function expectedObservations(): number {
  let n = 0;
  for (const list of rooms.values()) {
    const sent = list.reduce((s, c) => s + c.sent, 0);
    n += sent * (list.length - 1);
  }
  return n;
}
