import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openSqliteStore } from "../../server/store/sqlite/open.ts";
import { storeContract } from "./store-contract.ts";

const dirs = new Map<object, string>();
storeContract(
  "SQLite",
  async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "briefroom-store-"));
    const store = openSqliteStore(dir);
    dirs.set(store, dir);
    return store;
  },
  async (store) => {
    await store.close();
    rmSync(dirs.get(store)!, { recursive: true, force: true });
  },
);
