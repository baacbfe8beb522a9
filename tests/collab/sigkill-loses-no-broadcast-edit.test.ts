import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, expect, it } from "vitest";
import * as Y from "yjs";
import {
  appendParagraph,
  type Client,
  connectClient,
  eventually,
  synced,
} from "../utils/clients.ts";
import { killSpawnedServers, spawnServer } from "../utils/process.ts";
import { removeDataDir } from "../utils/server.ts";

const EDITORS = 10;
const dataDir = mkdtempSync(path.join(tmpdir(), "briefroom-sigkill-"));
afterEach(killSpawnedServers);
afterAll(() => removeDataDir(dataDir));

const vector = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));
const body = (doc: Y.Doc) => doc.getXmlFragment("default").toString();

/** Every client id's clock in `seen`, except `skip`'s own, is covered by `held`. */
function missing(
  seen: Map<number, number>,
  held: Map<number, number>,
  skip: number | null,
): string[] {
  return [...seen]
    .filter(([client, clock]) => client !== skip && (held.get(client) ?? 0) < clock)
    .map(([client, clock]) => `${client}: ${held.get(client) ?? 0} < ${clock}`);
}

it("after a SIGKILL mid-edit, a fresh client sees every broadcast edit, and reconnecting editors bring the rest", async () => {
  let server = await spawnServer({ dataDir });
  const { port } = server;
  const { id } = (await server.api<{ id: string }>("POST", "/api/briefs", { title: "Crash" })).body;
  const editors: Client[] = Array.from({ length: EDITORS }, () => connectClient(server.wsUrl, id));
  const observer = connectClient(server.wsUrl, id);
  await Promise.all([...editors, observer].map((c) => synced(c.provider)));
  // The typed lines follow whatever body the new brief starts with.
  const start = observer.doc.getXmlFragment("default").length;

  // Every editor types a line every few milliseconds until the kill.
  let n = 0;
  const typing = editors.map((c, i) =>
    setInterval(() => appendParagraph(c.doc, `editor ${i} line ${n++}`), 3),
  );
  await eventually(
    () => observer.doc.getXmlFragment("default").length >= 300,
    15_000,
    "edits to flow",
  );
  const exit = await server.kill("SIGKILL");
  for (const t of typing) clearInterval(t);
  expect(exit.signal).toBe("SIGKILL");

  // What each client holds now, and stop them reconnecting until we have looked.
  for (const c of [...editors, observer]) c.provider.disconnect();
  const observed = vector(observer.doc);
  const editorVectors = editors.map((c) => vector(c.doc));

  server = await spawnServer({ dataDir, port });
  const fresh = connectClient(server.wsUrl, id);
  await synced(fresh.provider);
  const recovered = vector(fresh.doc);
  // The observer only ever received what the server broadcast; so did each editor, apart
  // from its own edits, which may have died in flight.
  expect(missing(observed, recovered, null)).toEqual([]);
  editors.forEach((c, i) => {
    expect(missing(editorVectors[i]!, recovered, c.doc.clientID)).toEqual([]);
  });

  for (const c of editors) c.provider.connect();
  await Promise.all(editors.map((c) => synced(c.provider, 10_000)));
  await eventually(
    () => editors.every((c) => body(c.doc) === body(fresh.doc)),
    10_000,
    "every editor and the fresh client to converge",
  );
  for (const c of editors) {
    expect(missing(vector(c.doc), vector(fresh.doc), null)).toEqual([]);
  }
  const lines = fresh.doc.getXmlFragment("default").length;
  expect(lines).toBe(start + n);

  for (const c of [...editors, observer, fresh]) c.destroy();
  const stopped = await server.kill("SIGTERM");
  expect(stopped.code).toBe(0);
});
