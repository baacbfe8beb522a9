import { afterEach, describe, expect, it } from "vitest";
import {
  appendParagraph,
  type Client,
  connectClient,
  eventually,
  synced,
} from "../utils/clients.ts";
import { startInstances } from "../utils/instances.ts";
import type { TestServer } from "../utils/server.ts";
import { haveSharedServices, sharedServicesReason } from "../utils/shared-services.ts";

describe.skipIf(!haveSharedServices)(
  `several instances on Postgres + Redis (${sharedServicesReason})`,
  () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const c of cleanups.splice(0).reverse()) await c();
    });
    const instances = (n: number) => startInstances(n, (fn) => cleanups.push(fn));

    it("a brief loaded on one instance while clients type on another misses nothing", async () => {
      const { servers } = await instances(2);
      const [a, b] = servers as [TestServer, TestServer];
      const { body } = await b.api<{ id: string }>("POST", "/api/briefs", { title: "Late" });
      const writer = connectClient(b.wsUrl, body.id);
      cleanups.push(async () => writer.destroy());
      await synced(writer.provider);

      let typed = 0;
      const typing = setInterval(() => appendParagraph(writer.doc, `line ${typed++}`), 2);
      await new Promise((r) => setTimeout(r, 50));
      const readers: Client[] = [];
      for (let i = 0; i < 5; i++) {
        readers.push(connectClient(a.wsUrl, body.id));
        await new Promise((r) => setTimeout(r, 15));
      }
      cleanups.push(async () => {
        for (const c of readers) c.destroy();
      });
      await new Promise((r) => setTimeout(r, 100));
      clearInterval(typing);

      await eventually(
        // The brief's first, empty paragraph plus every typed line.
        () => readers.every((r) => r.doc.getXmlFragment("default").length === typed + 1),
        10_000,
        "readers on the other instance to see every line",
      );
      for (const r of readers) expect(r.text()).toBe(writer.text());
    });
  },
);
