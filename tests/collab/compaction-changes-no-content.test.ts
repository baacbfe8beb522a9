import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import * as Y from "yjs";
import { appendParagraph, connectClient, eventually, synced } from "../utils/clients.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";
import { storedLog } from "../utils/stored-log.ts";

const COMPACT_EVERY = 4;

let server: TestServer | undefined;
afterAll(async () => {
  await server?.close();
  if (server) removeDataDir(server.dataDir);
});

const body = (doc: Y.Doc) => doc.getXmlFragment("default").toString();
const stateVector = (doc: Y.Doc) => [...Y.encodeStateVector(doc)];

/** What the store holds for a brief, read straight from its files. */
function stored(dataDir: string, id: string) {
  const db = new Database(path.join(dataDir, "briefroom.db"), { readonly: true });
  try {
    const snap = db
      .prepare("SELECT seq, state, doc_json FROM doc_snapshots WHERE brief_id = ?")
      .get(id) as {
      seq: number;
      state: Buffer;
      doc_json: string;
    };
    return {
      seq: snap.seq,
      state: new Uint8Array(snap.state),
      docJson: JSON.parse(snap.doc_json),
      log: storedLog(dataDir, id).map((r) => r.update),
    };
  } finally {
    db.close();
  }
}

it("compaction changes nothing in the content: live, from the snapshot, and as ProseMirror JSON", async () => {
  server = await startTestServer({ COMPACT_EVERY: String(COMPACT_EVERY) });
  const { id } = (await server.api<{ id: string }>("POST", "/api/briefs", { title: "Compact" }))
    .body;
  const editor = connectClient(server.wsUrl, id);
  const watcher = connectClient(server.wsUrl, id);
  await Promise.all([synced(editor.provider), synced(watcher.provider)]);

  // One edit at a time, each its own group commit, so the log crosses the threshold often;
  // deletions and marks touch the typed lines, after whatever the brief started with.
  const fragment = editor.doc.getXmlFragment("default");
  const start = fragment.length;
  for (let i = 0; i < 30; i++) {
    if (i % 7 === 6) fragment.delete(start + 1, 1);
    else if (i % 5 === 4)
      ((fragment.get(start) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, { italic: {} });
    else appendParagraph(editor.doc, `edit ${i}`);
    await eventually(() => body(watcher.doc) === body(editor.doc), 5000, `edit ${i} to arrive`);
  }
  const expected = body(editor.doc);
  const expectedVector = stateVector(editor.doc);

  // Compaction has happened: the snapshot moved past the first updates and the log is short.
  const live = stored(server.dataDir, id);
  expect(live.seq).toBeGreaterThan(COMPACT_EVERY);
  expect(live.log.length).toBeLessThan(COMPACT_EVERY);
  // The snapshot plus the log still hold exactly the live content.
  const fromStore = new Y.Doc();
  for (const update of [live.state, ...live.log]) Y.applyUpdate(fromStore, update);
  expect(body(fromStore)).toBe(expected);
  expect(stateVector(fromStore)).toEqual(expectedVector);

  const fresh = connectClient(server.wsUrl, id);
  await synced(fresh.provider);
  expect(body(fresh.doc)).toBe(expected);
  fresh.destroy();

  // A restart compacts on the way down and loads from the snapshot alone.
  editor.destroy();
  watcher.destroy();
  await server.close();
  const final = stored(server.dataDir, id);
  expect(final.log).toEqual([]);
  const fromSnapshot = new Y.Doc();
  Y.applyUpdate(fromSnapshot, final.state);
  expect(body(fromSnapshot)).toBe(expected);
  expect(stateVector(fromSnapshot)).toEqual(expectedVector);

  server = await startTestServer(
    { COMPACT_EVERY: String(COMPACT_EVERY) },
    { dataDir: server.dataDir },
  );
  const reloaded = connectClient(server.wsUrl, id);
  await synced(reloaded.provider);
  expect(body(reloaded.doc)).toBe(expected);
  expect(stateVector(reloaded.doc)).toEqual(expectedVector);
  reloaded.destroy();
  // The derived ProseMirror JSON stored with the snapshot is the body the API serves.
  const got = await server.api<{ doc: unknown }>("GET", `/api/briefs/${id}`);
  expect(final.docJson).toEqual(got.body.doc);
  expect(JSON.stringify(final.docJson)).toContain("edit 28");
});
