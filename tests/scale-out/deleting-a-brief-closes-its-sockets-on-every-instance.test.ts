import { afterEach, describe, expect, it } from "vitest";
import { connectClient, synced } from "../utils/clients.ts";
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

    it("deleting a brief on one instance closes its sockets on the others", async () => {
      const { servers } = await instances(2);
      const [a, b] = servers as [TestServer, TestServer];
      const { body } = await a.api<{ id: string }>("POST", "/api/briefs", { title: "Doomed" });
      const client = connectClient(b.wsUrl, body.id);
      cleanups.push(async () => client.destroy());
      await synced(client.provider);
      const closed = new Promise<number>((resolve) =>
        client.provider.on("connection-close", (event) => resolve(event?.code ?? 0)),
      );
      expect((await a.api("DELETE", `/api/briefs/${body.id}`)).status).toBe(204);
      expect(await closed).toBe(4404);
    });
  },
);
