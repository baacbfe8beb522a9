import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterAll, expect, it } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { CollabSocket } from "../../server/collab/socket.ts";
import { openSqliteStore } from "../../server/store/sqlite/open.ts";
import type { DocRepo } from "../../server/store/store.ts";
import { bodyLines, connectClient, eventually, fragmentText, synced } from "../utils/clients.ts";
import { openRawSocket } from "../utils/raw-socket.ts";
import { createEmptyBrief, frame, testRooms } from "../utils/rooms.ts";
import { removeDataDir, startTestServer } from "../utils/server.ts";
import { storedLog } from "../utils/stored-log.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDataDir(dir);
});

/**
 * What a client sends right after connecting: sync step 1, three edits that build on each
 * other, its presence, and a query for everyone else's.
 */
function clientFrames() {
  const author = new Y.Doc();
  const updates: Uint8Array[] = [];
  author.on("update", (u: Uint8Array) => updates.push(u));
  const frames = [frame(0, (e) => syncProtocol.writeSyncStep1(e, new Y.Doc()))];
  const p = new Y.XmlElement("paragraph");
  const text = new Y.XmlText("alpha");
  p.insert(0, [text]);
  author.getXmlFragment("default").push([p]);
  text.insert(5, " beta");
  text.delete(0, 6);
  for (const u of updates) frames.push(frame(0, (e) => syncProtocol.writeUpdate(e, u)));
  const awareness = new awarenessProtocol.Awareness(author);
  awareness.setLocalStateField("user", { name: "Early" });
  const presence = awarenessProtocol.encodeAwarenessUpdate(awareness, [author.clientID]);
  frames.push(frame(1, (e) => encoding.writeVarUint8Array(e, presence)));
  frames.push(frame(3));
  awareness.destroy();
  return { frames, clientID: author.clientID };
}

/** The body after each logged update, replayed in log order. */
function replayLog(log: Uint8Array[]): string[] {
  const doc = new Y.Doc();
  return log.map((u) => {
    Y.applyUpdate(doc, u);
    return fragmentText(doc);
  });
}
const EXPECTED_STEPS = ["alpha", "alpha beta", "beta"];

/** The body lines of a brief's stored snapshot, read straight from the SQLite file. */
function snapshotLines(dataDir: string, id: string): string[] {
  const db = new Database(path.join(dataDir, "briefroom.db"), { readonly: true });
  try {
    const { state } = db.prepare("SELECT state FROM doc_snapshots WHERE brief_id = ?").get(id) as {
      state: Buffer;
    };
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(state));
    return bodyLines(doc);
  } finally {
    db.close();
  }
}

it("frames that arrive while the room is still loading are applied after it loads, in order", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "briefroom-loading-"));
  dirs.push(dir);
  const store = openSqliteStore(dir);
  const id = "slow-load";
  await createEmptyBrief(store, id, "Slow");
  // The real store, but its load waits until we let it go (as a remote database might).
  let finishLoading!: () => void;
  const loading = new Promise<void>((resolve) => {
    finishLoading = resolve;
  });
  const docs: DocRepo = {
    ...store.docs,
    load: async (briefId) => {
      await loading;
      return store.docs.load(briefId);
    },
  };
  const rooms = testRooms(docs);
  const sent: Uint8Array[] = [];
  let closed: number | null = null;
  const socket: CollabSocket = {
    send: (data) => sent.push(data),
    close: (code) => {
      closed = code;
    },
    readyState: 1,
  };

  const conn = rooms.connect(id, socket, { userId: null, canWrite: true });
  const { frames, clientID } = clientFrames();
  for (const f of frames) conn.receive(f);
  await new Promise((r) => setImmediate(r));
  expect(sent).toEqual([]);
  expect((await store.docs.load(id))?.updates).toEqual([]);

  finishLoading();
  await eventually(() => rooms.loaded(id) !== null, 5000, "the room to load");
  const room = rooms.loaded(id)!;
  await room.flush();
  await eventually(() => sent.some((m) => m[0] === 0 && m[1] === 1), 5000, "the sync step 2 reply");

  expect(closed).toBeNull();
  const log = (await store.docs.load(id))!.updates;
  expect(replayLog(log)).toEqual(EXPECTED_STEPS);
  expect(room.awareness.getStates().get(clientID)).toEqual({ user: { name: "Early" } });
  // The room spoke first (its sync step 1), then answered what was buffered.
  expect([...sent[0]!.slice(0, 2)]).toEqual([0, 0]);
  // Its own presence is not echoed back; the answer to its query, sent after the presence
  // was applied, carries it.
  const answers = sent.filter((m) => m[0] === 1);
  expect(answers).toHaveLength(1);
  const peer = new awarenessProtocol.Awareness(new Y.Doc());
  const answer = decoding.createDecoder(answers[0]!);
  decoding.readVarUint(answer);
  awarenessProtocol.applyAwarenessUpdate(peer, decoding.readVarUint8Array(answer), null);
  expect(peer.getStates().get(clientID)).toEqual({ user: { name: "Early" } });

  conn.closed();
  await rooms.shutdown();
  await store.close();
});

it("frames a client sends the moment the socket opens all reach the room, in order", async () => {
  const server = await startTestServer();
  dirs.push(server.dataDir);
  const { id } = (await server.api<{ id: string }>("POST", "/api/briefs", { title: "Eager" })).body;
  const initial = snapshotLines(server.dataDir, id);
  const raw = openRawSocket(`${server.wsUrl}/${id}`);
  const { frames, clientID } = clientFrames();
  raw.ws.once("open", () => {
    for (const f of frames) raw.send(f);
  });
  await raw.opened;

  const watcher = connectClient(server.wsUrl, id);
  await synced(watcher.provider);
  // The eager paragraph and the brief's starting body were inserted concurrently at the
  // start of the body, so Yjs orders them by client id: compare the lines, not their order.
  const expected = [...initial, "beta"].sort();
  await eventually(
    () => bodyLines(watcher.doc).length === expected.length,
    5000,
    "the eager edits to arrive",
  );
  expect(bodyLines(watcher.doc).sort()).toEqual(expected);
  await eventually(
    () => watcher.provider.awareness.getStates().has(clientID),
    5000,
    "the eager presence",
  );
  watcher.destroy();
  raw.ws.close();

  const rows = storedLog(server.dataDir, id);
  expect(replayLog(rows.map((r) => r.update))).toEqual(EXPECTED_STEPS);
  await server.close();
});
