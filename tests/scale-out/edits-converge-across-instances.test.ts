import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  appendParagraph,
  type Client,
  connectClient,
  eventually,
  synced,
} from "../utils/clients.ts";
import { startInstances } from "../utils/instances.ts";
import { haveSharedServices, sharedServicesReason } from "../utils/shared-services.ts";

describe.skipIf(!haveSharedServices)(
  `several instances on Postgres + Redis (${sharedServicesReason})`,
  () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const c of cleanups.splice(0).reverse()) await c();
    });
    const instances = (n: number) => startInstances(n, (fn) => cleanups.push(fn));

    it.each([2, 3])(
      "concurrent edits through %i instances converge everywhere and are stored once",
      async (n) => {
        const { servers, dbUrl } = await instances(n);
        const { body } = await servers[0]!.api<{ id: string }>("POST", "/api/briefs", {
          title: "Shared",
        });
        const clients: Client[] = [];
        for (let i = 0; i < n * 3; i++) clients.push(connectClient(servers[i % n]!.wsUrl, body.id));
        cleanups.push(async () => {
          for (const c of clients) c.destroy();
        });
        await Promise.all(clients.map((c) => synced(c.provider)));

        // A new brief starts with an empty paragraph; count what the clients add to it.
        const start = clients[0]!.doc.getXmlFragment("default").length;
        clients.forEach((c, i) => {
          for (let k = 0; k < 4; k++) appendParagraph(c.doc, `c${i}-${k}`);
        });
        const expected = start + clients.length * 4;
        await eventually(
          () => clients.every((c) => c.doc.getXmlFragment("default").length === expected),
          10_000,
          "all clients to converge",
        );
        expect(new Set(clients.map((c) => c.text())).size).toBe(1);

        // Every instance's view of the brief (GET reads the live room) is the same.
        const docs = await Promise.all(
          servers.map((s) => s.api<{ doc: unknown }>("GET", `/api/briefs/${body.id}`)),
        );
        expect(new Set(docs.map((d) => JSON.stringify(d.body.doc))).size).toBe(1);

        // Each client's update was stored by the one instance that received it, not by all:
        // no Yjs struct (client, clock) appears in two stored rows.
        const db = new pg.Client({ connectionString: dbUrl });
        await db.connect();
        const { rows } = await db.query("SELECT update_data FROM doc_updates WHERE brief_id = $1", [
          body.id,
        ]);
        await db.end();
        const seen = new Map<string, number>();
        for (const { update_data } of rows as { update_data: Buffer }[]) {
          for (const struct of Y.decodeUpdate(new Uint8Array(update_data)).structs) {
            const key = `${struct.id.client}:${struct.id.clock}`;
            seen.set(key, (seen.get(key) ?? 0) + 1);
          }
        }
        expect(seen.size).toBeGreaterThanOrEqual(expected);
        expect([...seen.values()].every((count) => count === 1)).toBe(true);
      },
    );
  },
);
