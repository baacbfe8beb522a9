import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openPostgresStore } from "../../server/store/postgres/open.ts";
import { createEmptyBrief } from "../utils/rooms.ts";
import { authStoreContract } from "./auth-store-contract.ts";
import { storeContract } from "./store-contract.ts";

const url = process.env.DATABASE_URL;

if (url) {
  const schemas = new Map<object, string>();
  const open = async () => {
    const schema = `contract_${randomBytes(6).toString("hex")}`;
    const store = await openPostgresStore(url, { schema, max: 2 });
    schemas.set(store, schema);
    return store;
  };
  const cleanup = async (store: Awaited<ReturnType<typeof open>>) => {
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA ${schemas.get(store)} CASCADE`);
    await client.end();
  };
  storeContract("Postgres", open, cleanup);
  authStoreContract("Postgres", open, cleanup);

  it("Postgres: closing the store writes the last edit's time, never an older one", async () => {
    const schema = `contract_${randomBytes(6).toString("hex")}`;
    const first = await openPostgresStore(url, { schema, max: 2 });
    await createEmptyBrief(first, "b", "B");
    const y = new Y.Doc();
    const edit = async () => {
      const before = Y.encodeStateVector(y);
      y.getText("t").insert(0, "x");
      await first.docs.append("b", [Y.encodeStateAsUpdate(y, before)]);
      return Date.now();
    };
    const quiet = await edit();
    await new Promise((r) => setTimeout(r, 20));
    const last = await edit();
    expect(Date.parse((await first.briefs.get("b"))!.updatedAt)).toBeLessThan(last);
    await first.close();

    const second = await openPostgresStore(url, { schema, max: 2 });
    const stored = Date.parse((await second.briefs.get("b"))!.updatedAt);
    expect(stored).toBeGreaterThan(quiet);
    expect(stored).toBeLessThanOrEqual(last);
    await second.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA ${schema} CASCADE`);
    await client.end();
  });
} else {
  describe("Postgres store contract", () => {
    it.skip("needs DATABASE_URL (postgres://…) to run; .ci/run sets it", () => {});
  });
}
