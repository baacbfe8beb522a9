import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, it } from "vitest";
import { openPostgresStore } from "../../server/store/postgres/open.ts";
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
} else {
  describe("Postgres store contract", () => {
    it.skip("needs DATABASE_URL (postgres://…) to run; .ci/run sets it", () => {});
  });
}
