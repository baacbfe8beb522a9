import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { BriefWithDoc, PMNode } from "../../server/schema/brief.ts";
import { defaultToken } from "../utils/auth.ts";
import { startBalancer } from "../utils/balancer.ts";
import {
  appendParagraph,
  bodyLines,
  type Client,
  connectClient,
  eventually,
} from "../utils/clients.ts";
import { killSpawnedServers, type ServerProcess, spawnServer } from "../utils/process.ts";
import { removeDataDir } from "../utils/server.ts";
import {
  freshSchema,
  haveSharedServices,
  REDIS_URL,
  sharedServicesReason,
} from "../utils/shared-services.ts";

const INSTANCES = 3;
const CLIENTS = 9;
/** Each client types a line this often, before, during and after the kill. */
const TYPE_EVERY_MS = 10;

/** The text of each paragraph of a brief's ProseMirror JSON, as `bodyLines` reads a Y.Doc. */
const jsonLines = (doc: PMNode): string[] =>
  (doc.content ?? []).map((p) => (p.content ?? []).map((t) => t.text ?? "").join(""));

describe.skipIf(!haveSharedServices)(
  `several instances on Postgres + Redis (${sharedServicesReason})`,
  () => {
    const cleanups: (() => Promise<void> | void)[] = [];
    afterEach(async () => {
      await killSpawnedServers();
      for (const c of cleanups.splice(0).reverse()) await c();
    });

    async function spawnInstance(env: Record<string, string>): Promise<ServerProcess> {
      const dataDir = mkdtempSync(path.join(tmpdir(), "briefroom-scale-"));
      cleanups.push(() => removeDataDir(dataDir));
      return spawnServer({ dataDir, env, timeoutMs: 30_000 });
    }

    it("killing one instance mid-typing loses no edit: its clients move to the others", async () => {
      const db = await freshSchema();
      cleanups.push(db.drop);
      const env = { DATABASE_URL: db.url, REDIS_URL: REDIS_URL! };
      const servers: ServerProcess[] = [];
      // One at a time: the first applies the migrations and signs the test admin up.
      for (let i = 0; i < INSTANCES; i++) servers.push(await spawnInstance(env));
      const [doomed, survivor] = servers as [ServerProcess, ServerProcess];
      const balancer = await startBalancer(servers.map((s) => s.port));
      cleanups.push(() => balancer.close());

      const { id } = (await survivor.api<{ id: string }>("POST", "/api/briefs", { title: "Kill" }))
        .body;
      const token = defaultToken(survivor.url)!;
      const clients: Client[] = Array.from({ length: CLIENTS }, () =>
        connectClient(balancer.wsUrl, id, { params: { token } }),
      );
      cleanups.push(() => {
        for (const c of clients) c.destroy();
      });
      const allSynced = () => clients.every((c) => c.provider.wsconnected && c.provider.synced);
      await eventually(allSynced, 10_000, "every client to sync");
      // The balancer deals connections in turn: every instance has clients.
      for (const s of servers) expect(balancer.open(s.port)).toBe(CLIENTS / INSTANCES);
      const start = bodyLines(clients[0]!.doc);

      const typed: string[][] = clients.map(() => []);
      const typing = clients.map((c, i) =>
        setInterval(() => {
          const line = `c${i}-${typed[i]!.length}`;
          typed[i]!.push(line);
          appendParagraph(c.doc, line);
        }, TYPE_EVERY_MS),
      );
      cleanups.push(() => {
        for (const t of typing) clearInterval(t);
      });
      // Kill only once edits flow through every instance: every client has seen ten lines
      // from every other, including those typed on the instance about to die.
      await eventually(
        () =>
          clients.every((c) => {
            const lines = new Set(bodyLines(c.doc));
            return clients.every((_, j) => lines.has(`c${j}-9`));
          }),
        15_000,
        "edits to flow between every pair of clients",
      );

      expect((await doomed.kill("SIGKILL")).signal).toBe("SIGKILL");
      // Typing goes on while the dead instance's clients reconnect through the balancer, and
      // for a while after they have synced with the survivors. Every client's connection is
      // then to a survivor; counting them, not just `synced`, outwaits clients that have not
      // yet noticed the drop.
      const survivors = servers.slice(1);
      const onSurvivors = () => survivors.reduce((n, s) => n + balancer.open(s.port), 0);
      await eventually(
        () => onSurvivors() === CLIENTS && allSynced(),
        15_000,
        "the dead instance's clients to reconnect to the others",
      );
      const total = () => typed.reduce((n, t) => n + t.length, 0);
      const atReconnect = total();
      await eventually(() => total() >= atReconnect + CLIENTS * 10, 10_000, "more typing");
      for (const t of typing) clearInterval(t);

      const want = [...start, ...typed.flat()].sort();
      await eventually(
        () => clients.every((c) => c.doc.getXmlFragment("default").length === want.length),
        20_000,
        "every client to hold every line",
      );
      for (const c of clients) {
        expect([...bodyLines(c.doc)].sort()).toEqual(want);
        expect(bodyLines(c.doc)).toEqual(bodyLines(clients[0]!.doc));
      }

      // Every line reached the other clients through a server, which stores before it
      // forwards: a new instance, with no room loaded, reads them all from Postgres.
      const fresh = await spawnInstance(env);
      const { status, body } = await fresh.api<BriefWithDoc>("GET", `/api/briefs/${id}`);
      expect(status).toBe(200);
      expect(jsonLines(body.doc)).toEqual(bodyLines(clients[0]!.doc));
    }, 120_000);
  },
);
