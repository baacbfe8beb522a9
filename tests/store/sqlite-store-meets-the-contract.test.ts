import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openSqliteStore } from "../../server/store/sqlite/open.ts";
import { authStoreContract } from "./auth-store-contract.ts";
import { storeContract } from "./store-contract.ts";

const dirs = new Map<object, string>();
const open = async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "briefroom-store-"));
  const store = openSqliteStore(dir);
  dirs.set(store, dir);
  return store;
};
const cleanup = async (store: Awaited<ReturnType<typeof open>>) => {
  await store.close();
  rmSync(dirs.get(store)!, { recursive: true, force: true });
};
storeContract("SQLite", open, cleanup);
authStoreContract("SQLite", open, cleanup);
