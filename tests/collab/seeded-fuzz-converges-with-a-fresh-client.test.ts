import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type Client, connectClient, eventually, synced } from "../utils/clients.ts";
import { type Random, seededRandom } from "../utils/seeded-random.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

const SEEDS = process.env.FUZZ_SEED ? [Number(process.env.FUZZ_SEED)] : [1, 2, 3, 4, 5];
const CLIENTS = 8;
const STEPS = 400;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

/** Everything that must match between converged replicas: state vector and the body's XML. */
function fingerprint(doc: Y.Doc): string {
  const sv = [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b);
  return JSON.stringify({ sv, body: doc.getXmlFragment("default").toString() });
}

/** One random edit, of the kinds an editor makes: new paragraphs, typing, deleting, marks. */
function randomEdit(doc: Y.Doc, rng: Random, tag: string): void {
  const body = doc.getXmlFragment("default");
  const paragraphs = body.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
  const roll = rng.int(10);
  if (paragraphs.length === 0 || roll < 3) {
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText(tag)]);
    body.insert(rng.int(body.length + 1), [p]);
    return;
  }
  const p = rng.pick(paragraphs);
  const text = p.get(0);
  if (roll === 3) {
    body.delete(body.toArray().indexOf(p), 1);
  } else if (!(text instanceof Y.XmlText)) {
    p.insert(0, [new Y.XmlText(tag)]);
  } else if (roll < 7 || text.length === 0) {
    text.insert(rng.int(text.length + 1), ` ${tag} `);
  } else if (roll < 9) {
    const at = rng.int(text.length);
    text.delete(at, 1 + rng.int(Math.min(4, text.length - at)));
  } else {
    const at = rng.int(text.length);
    text.format(at, 1 + rng.int(text.length - at), { bold: {} });
  }
}

/** Drops the TCP connection without a close frame; the provider reconnects by itself. */
function dropConnection(client: Client): void {
  const ws = client.provider.ws as unknown as { _socket?: Socket } | null;
  ws?._socket?.destroy();
}

describe.each(SEEDS)("seed %i", (seed) => {
  it(`${CLIENTS} clients editing, disconnecting and reconnecting at random converge with a fresh client, live and after a restart`, async () => {
    const rng = seededRandom(seed);
    const created = await server.api<{ id: string }>("POST", "/api/briefs", {
      title: `Fuzz ${seed}`,
    });
    const id = created.body.id;
    const clients = Array.from({ length: CLIENTS }, () => connectClient(server.wsUrl, id));
    await Promise.all(clients.map((c) => synced(c.provider)));

    for (let step = 0; step < STEPS; step++) {
      const i = rng.int(CLIENTS);
      const client = clients[i]!;
      const action = rng.int(20);
      if (action < 14) randomEdit(client.doc, rng, `c${i}s${step}`);
      else if (action < 16) client.provider.disconnect();
      else if (action < 18) client.provider.connect();
      else if (action < 19) dropConnection(client);
      else await new Promise((r) => setTimeout(r, rng.int(20)));
      // Let the network interleave with the edits at seeded points.
      if (rng.chance(0.3)) await new Promise((r) => setImmediate(r));
    }

    for (const c of clients) c.provider.connect();
    await Promise.all(clients.map((c) => synced(c.provider, 10_000)));
    await eventually(
      () => new Set(clients.map((c) => fingerprint(c.doc))).size === 1,
      15_000,
      `seed ${seed}: every client to converge`,
    );
    const converged = fingerprint(clients[0]!.doc);
    // The fuzz must have produced real content, or convergence proves nothing.
    expect(clients[0]!.doc.getXmlFragment("default").length).toBeGreaterThan(5);

    const fresh = connectClient(server.wsUrl, id);
    await synced(fresh.provider);
    expect(fingerprint(fresh.doc)).toBe(converged);
    for (const c of [...clients, fresh]) c.destroy();

    // And from the store alone, after a restart.
    await server.close();
    server = await startTestServer({}, { dataDir: server.dataDir });
    const reloaded = connectClient(server.wsUrl, id);
    await synced(reloaded.provider);
    expect(fingerprint(reloaded.doc)).toBe(converged);
    reloaded.destroy();
  });
});
