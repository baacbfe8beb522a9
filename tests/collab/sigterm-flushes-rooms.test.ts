import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../server/schema/protocol.ts";
import {
  appendParagraph,
  type Client,
  connectClient,
  eventually,
  fragmentText,
  synced,
} from "../utils/clients.ts";
import { killSpawnedServers, spawnServer } from "../utils/process.ts";
import { removeDataDir } from "../utils/server.ts";

const ROOMS = 3;
const dataDir = mkdtempSync(path.join(tmpdir(), "briefroom-sigterm-"));
afterEach(killSpawnedServers);
afterAll(() => removeDataDir(dataDir));

it("SIGTERM flushes every room to the store, closes sockets with 1001 and exits 0", async () => {
  const server = await spawnServer({ dataDir });
  const ids: string[] = [];
  for (let i = 0; i < ROOMS; i++) {
    ids.push(
      (await server.api<{ id: string }>("POST", "/api/briefs", { title: `Room ${i}` })).body.id,
    );
  }
  const pairs = ids.map(
    (id) => [connectClient(server.wsUrl, id), connectClient(server.wsUrl, id)] as [Client, Client],
  );
  await Promise.all(pairs.flat().map((c) => synced(c.provider)));
  // Each room's typed lines follow whatever body its new brief starts with.
  const starts = pairs.map(([editor]) => editor.doc.getXmlFragment("default").length);
  // The first close each client sees (later ones are its failed reconnects).
  const closes = pairs
    .flat()
    .map(
      (c) =>
        new Promise<number>((resolve) =>
          c.provider.once("connection-close", (event) => resolve(event?.code ?? 0)),
        ),
    );

  pairs.forEach(([editor], i) => {
    for (let k = 0; k < 5; k++) appendParagraph(editor.doc, `room ${i} line ${k}`);
  });
  // The server has applied and forwarded every edit.
  await eventually(
    () =>
      pairs.every(([editor, watcher]) => fragmentText(watcher.doc) === fragmentText(editor.doc)),
    5000,
    "every watcher to see its room's edits",
  );
  const expected = pairs.map(([editor]) => editor.doc.getXmlFragment("default").toString());

  const exit = await server.kill("SIGTERM");
  expect(exit.code).toBe(0);
  expect(server.logs.map((l) => l.msg)).toEqual(
    expect.arrayContaining(["shutting down: flushing rooms", "stopped"]),
  );
  expect(await Promise.all(closes)).toEqual(Array(ROOMS * 2).fill(CloseCode.GoingAway));
  for (const c of pairs.flat()) c.destroy();

  // Every room was written out as a snapshot: no log left to replay, derived JSON current.
  const db = new Database(path.join(dataDir, "briefroom.db"), { readonly: true });
  try {
    ids.forEach((id, i) => {
      const snap = db
        .prepare("SELECT state, doc_json FROM doc_snapshots WHERE brief_id = ?")
        .get(id) as {
        state: Buffer;
        doc_json: string;
      };
      const { n } = db
        .prepare("SELECT COUNT(*) AS n FROM doc_updates WHERE brief_id = ?")
        .get(id) as { n: number };
      expect(n).toBe(0);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(snap.state));
      expect(doc.getXmlFragment("default").toString()).toBe(expected[i]);
      expect(JSON.parse(snap.doc_json).content).toHaveLength(starts[i]! + 5);
      expect(snap.doc_json).toContain(`room ${i} line 4`);
    });
  } finally {
    db.close();
  }
});
