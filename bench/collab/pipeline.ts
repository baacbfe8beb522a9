/**
 * `npm run bench:pipeline`: what the rooms themselves cost per edit, without sockets, `ws` or
 * the kernel, which make most of `bench:collab`'s CPU figures and most of its noise.
 *
 * One set of recorded frames, rooms of three people as stock y-websocket browsers send them
 * (each edit, its caret move, then the two others' echoes of that caret move in the next
 * turn), is fed through stand-in sockets that only count what is sent, to:
 *   briefroom          Briefroom's RoomManager on the SQLite store, as shipped
 *   briefroom-nowrite  the same rooms with a store that answers at once without writing
 *   reference          the reference server's `setupWSConnection` (in memory)
 * Each runs in its own process, `--rounds` times, alternating; the figures are medians of
 * user and system CPU µs per edit. Time is compressed (an edit per room every few hundred
 * µs), so Briefroom's presence interval is 0 here: at real typing speed it rarely holds
 * presence back.
 *
 *   --rooms <n>      rooms of three (default 200)
 *   --edits <n>      edits in all (default 60000)
 *   --per-turn <n>   edits arriving in one event-loop turn (default 2, as bench:collab's
 *                    200 × 3 load measures)
 *   --rounds <n>     runs of each variant (default 3)
 */
import { execFileSync } from "node:child_process";
import { EventEmitter } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

const VARIANTS = ["briefroom", "briefroom-nowrite", "reference"] as const;
type Variant = (typeof VARIANTS)[number];

/** Recorded frames: each person's first presence, then the edits in order. */
interface Recording {
  rooms: number;
  /** [room][client]: the presence each person announces on joining. */
  hello: Uint8Array[][];
  edits: { room: number; client: number; update: Uint8Array; caret: Uint8Array }[];
}

/** Per run: CPU µs per edit, and what the rooms sent per edit. */
interface RunResult {
  userUs: number;
  sysUs: number;
  messages: number;
  bytes: number;
}

/** One y-websocket frame: message type, optional sync sub-type, payload. */
function frame(type: number, sub: number | null, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  if (sub !== null) encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** Records `editCount` keystrokes by people in rooms of three, with their caret moves. */
async function record(rooms: number, editCount: number): Promise<Recording> {
  const Y = await import("yjs");
  const { Awareness, encodeAwarenessUpdate } = await import("y-protocols/awareness");
  const people = Array.from({ length: rooms }, () =>
    Array.from({ length: 3 }, (_, i) => {
      const doc = new Y.Doc();
      const awareness = new Awareness(doc);
      awareness.setLocalState({
        user: { name: `Bench user ${i}`, color: "#958DF1" },
        cursor: null,
      });
      return { doc, awareness };
    }),
  );
  const presence = (p: (typeof people)[0][0]) =>
    frame(1, null, encodeAwarenessUpdate(p.awareness, [p.doc.clientID]));
  const hello = people.map((room) => room.map(presence));
  const edits: Recording["edits"] = [];
  for (let i = 0; i < editCount; i++) {
    const room = Math.floor(Math.random() * rooms);
    const client = Math.floor(Math.random() * 3);
    const person = people[room]![client]!;
    const text = person.doc.getText("body");
    const before = Y.encodeStateVector(person.doc);
    text.insert(text.length, `~${(i * 1.234).toFixed(3)}@0~`);
    const update = Y.encodeStateAsUpdate(person.doc, before);
    for (const other of people[room]!) if (other !== person) Y.applyUpdate(other.doc, update);
    const pos = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
    person.awareness.setLocalStateField("cursor", { anchor: pos, head: pos });
    edits.push({ room, client, update: frame(0, 2, update), caret: presence(person) });
  }
  for (const p of people.flat()) {
    p.awareness.destroy(); // and its timer
    p.doc.destroy();
  }
  return { rooms, hello, edits };
}

function encodeRecording({ rooms, hello, edits }: Recording): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, rooms);
  for (const room of hello) for (const f of room) encoding.writeVarUint8Array(e, f);
  encoding.writeVarUint(e, edits.length);
  for (const edit of edits) {
    encoding.writeVarUint(e, edit.room);
    encoding.writeVarUint(e, edit.client);
    encoding.writeVarUint8Array(e, edit.update);
    encoding.writeVarUint8Array(e, edit.caret);
  }
  return encoding.toUint8Array(e);
}

function decodeRecording(bytes: Uint8Array): Recording {
  const d = decoding.createDecoder(bytes);
  const rooms = decoding.readVarUint(d);
  const hello = Array.from({ length: rooms }, () =>
    Array.from({ length: 3 }, () => decoding.readVarUint8Array(d)),
  );
  const edits = Array.from({ length: decoding.readVarUint(d) }, () => ({
    room: decoding.readVarUint(d),
    client: decoding.readVarUint(d),
    update: decoding.readVarUint8Array(d),
    caret: decoding.readVarUint8Array(d),
  }));
  return { rooms, hello, edits };
}

/** Delivers a frame from person `client` of room `room`. */
type Feed = (room: number, client: number, data: Uint8Array) => void;
/** Counts what the rooms send. */
interface Outbox {
  messages: number;
  bytes: number;
}

async function briefroomFeed(
  rec: Recording,
  write: boolean,
  out: Outbox,
  dataDir: string,
): Promise<Feed> {
  const Y = await import("yjs");
  const { RoomManager } = await import("../../server/collab/rooms.ts");
  const { openSqliteStore } = await import("../../server/store/sqlite/open.ts");
  const { silentLogger } = await import("../../server/logger.ts");
  const store = openSqliteStore(dataDir);
  const empty = Y.encodeStateAsUpdate(new Y.Doc());
  for (let r = 0; r < rec.rooms; r++) {
    await store.briefs.create({
      id: `room-${r}`,
      title: `Room ${r}`,
      templateId: null,
      fields: {},
      ownerId: null,
      state: empty,
      stateVector: Y.encodeStateVector(new Y.Doc()),
      doc: { type: "doc", content: [] },
    });
  }
  let seq = 0;
  const docs = write
    ? store.docs
    : {
        ...store.docs,
        appendNow: (entries: { updates: Uint8Array[] }[]) => entries.map(() => ++seq),
      };
  const rooms = new RoomManager({
    docs,
    log: silentLogger,
    compactEvery: Number.MAX_SAFE_INTEGER,
    idleMs: 600_000,
    presenceIntervalMs: 0,
  });
  const socket = () => ({
    send: (data: Uint8Array) => {
      out.messages++;
      out.bytes += data.byteLength;
    },
    close: (code: number, reason: string) => {
      throw new Error(`a room closed a connection: ${code} ${reason}`);
    },
    readyState: 1,
  });
  const conns = rec.hello.map((people, r) =>
    people.map(() => rooms.connect(`room-${r}`, socket(), { userId: null, canWrite: true })),
  );
  await new Promise((resolve) => setTimeout(resolve, 500)); // every room loaded
  return (room, client, data) => conns[room]![client]!.receive(data);
}

async function referenceFeed(rec: Recording, out: Outbox): Promise<Feed> {
  const { REFERENCE_DIR } = await import("./servers.ts");
  const utils = pathToFileURL(
    path.join(REFERENCE_DIR, "node_modules/@y/websocket-server/src/utils.js"),
  ).href;
  const { setupWSConnection } = await import(utils);
  const conns = rec.hello.map((people, r) =>
    people.map(() => {
      const conn = Object.assign(new EventEmitter(), {
        readyState: 1,
        binaryType: "arraybuffer",
        send: (data: Uint8Array, _opts: unknown, done?: (err?: Error) => void) => {
          out.messages++;
          out.bytes += data.byteLength;
          done?.();
        },
        ping: () => {},
        close: () => {},
      });
      setupWSConnection(conn, { url: `/room-${r}` }, { docName: `room-${r}` });
      return conn;
    }),
  );
  // The reference hands `ws`'s ArrayBuffers to its listener.
  return (room, client, data) =>
    conns[room]![client]!.emit("message", data.slice().buffer as ArrayBuffer);
}

/** One variant, in this process: feeds the recording turn by turn and reads the CPU it took. */
async function runVariant(variant: Variant, file: string, perTurn: number): Promise<RunResult> {
  const rec = decodeRecording(readFileSync(file));
  const out: Outbox = { messages: 0, bytes: 0 };
  const feed =
    variant === "reference"
      ? await referenceFeed(rec, out)
      : // Beside the recording: the orchestrator removes both.
        await briefroomFeed(
          rec,
          variant === "briefroom",
          out,
          mkdtempSync(path.join(path.dirname(file), "store-")),
        );
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  rec.hello.forEach((people, r) => {
    people.forEach((hello, c) => {
      feed(r, c, hello);
    });
  });
  await turn();
  out.messages = 0;
  out.bytes = 0;
  const start = process.cpuUsage();
  let previous: Recording["edits"] = [];
  for (let i = 0; i < rec.edits.length; i += perTurn) {
    const now = rec.edits.slice(i, i + perTurn);
    for (const edit of now) {
      feed(edit.room, edit.client, edit.update);
      feed(edit.room, edit.client, edit.caret);
    }
    // The two others heard the previous turn's caret moves and send them back.
    for (const edit of previous)
      for (let other = 0; other < 3; other++)
        if (other !== edit.client) feed(edit.room, other, edit.caret);
    previous = now;
    await turn();
  }
  await turn();
  const cpu = process.cpuUsage(start);
  const n = rec.edits.length;
  return {
    userUs: cpu.user / n,
    sysUs: cpu.system / n,
    messages: out.messages / n,
    bytes: out.bytes / n,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const r1 = (x: number) => Math.round(x * 10) / 10;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rooms: { type: "string", default: "200" },
      edits: { type: "string", default: "60000" },
      "per-turn": { type: "string", default: "2" },
      rounds: { type: "string", default: "3" },
      variant: { type: "string" },
      recording: { type: "string" },
    },
  });
  const perTurn = Number(values["per-turn"]);
  if (values.variant) {
    // A child: one run of one variant, its result as JSON on stdout.
    const result = await runVariant(values.variant as Variant, values.recording!, perTurn);
    process.stdout.write(JSON.stringify(result));
    process.exit(0); // the reference's keepalive timers would hold the process open
  }

  const { ensureReferenceInstalled } = await import("./servers.ts");
  ensureReferenceInstalled((line) => process.stderr.write(`[pipeline] ${line}\n`));
  const dir = mkdtempSync(path.join(os.tmpdir(), "briefroom-pipeline-rec-"));
  const file = path.join(dir, "recording.bin");
  writeFileSync(file, encodeRecording(await record(Number(values.rooms), Number(values.edits))));
  const runs = new Map<Variant, RunResult[]>(VARIANTS.map((v) => [v, []]));
  const self = fileURLToPath(import.meta.url);
  for (let round = 0; round < Number(values.rounds); round++) {
    const order = round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
    for (const variant of order) {
      const json = execFileSync(
        process.execPath,
        [
          "--import",
          "tsx",
          self,
          "--variant",
          variant,
          "--recording",
          file,
          "--per-turn",
          String(perTurn),
        ],
        { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
      );
      const result = JSON.parse(json) as RunResult;
      runs.get(variant)!.push(result);
      process.stderr.write(
        `[pipeline] round ${round + 1} ${variant}: ${r1(result.userUs)} + ${r1(result.sysUs)} µs/edit\n`,
      );
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const summary = Object.fromEntries(
    [...runs].map(([variant, results]) => [
      variant,
      {
        userUsPerEdit: r1(median(results.map((r) => r.userUs))),
        sysUsPerEdit: r1(median(results.map((r) => r.sysUs))),
        cpuUsPerEdit: r1(median(results.map((r) => r.userUs + r.sysUs))),
        messagesPerEdit: r1(median(results.map((r) => r.messages))),
        bytesPerEdit: Math.round(median(results.map((r) => r.bytes))),
        rounds: results.map((r) => r1(r.userUs + r.sysUs)),
      },
    ]),
  );
  const config = { rooms: Number(values.rooms), edits: Number(values.edits), perTurn };
  process.stdout.write(`${JSON.stringify({ config, variants: summary }, null, 2)}\n`);
}

await main();
