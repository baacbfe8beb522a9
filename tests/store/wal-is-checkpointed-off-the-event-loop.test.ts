import { spawnSync } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { createLogger } from "../../server/logger.ts";
import { migrations } from "../../server/store/migrations.ts";
import { Checkpointer, UPDATES_PER_CHECKPOINT } from "../../server/store/sqlite/checkpointer.ts";
import { openSqliteStore } from "../../server/store/sqlite/open.ts";
import { createEmptyBrief } from "../utils/rooms.ts";
import { removeDataDir } from "../utils/server.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDataDir(dir);
});
function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "briefroom-wal-"));
  dirs.push(dir);
  return dir;
}

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

it("the worker copies the WAL into the database while the server's connection never checkpoints", async () => {
  const dir = dataDir();
  const file = path.join(dir, "briefroom.db");
  const store = openSqliteStore(dir);
  await createEmptyBrief(store, "b", "B");
  const before = statSync(file).size;
  // Just over a checkpoint's worth of updates of ~600 bytes, moved from the journal into the log
  // in one commit: a few hundred WAL pages, under the server connection's own threshold, so only
  // the worker (asked once that many updates are in) can have copied them into the database.
  const count = UPDATES_PER_CHECKPOINT + 10;
  const update = new Uint8Array(600).fill(7);
  for (let i = 0; i < count; i++) await store.docs.append("b", [update]);
  await until(() => statSync(file).size > before + UPDATES_PER_CHECKPOINT * 600);
  expect((await store.docs.load("b"))!.updates).toHaveLength(count);
  await store.close();
});

it("closing the store waits for the checkpoint worker to close, with nothing else keeping the process up", () => {
  const dir = dataDir();
  const root = path.resolve(import.meta.dirname, "../..");
  // A process of its own whose only work is the store: the worker (started once a checkpoint's
  // worth of updates is in the log) is all that is left running when the store closes.
  const script = `
    import { openSqliteStore } from ${JSON.stringify(path.join(root, "server/store/sqlite/open.ts"))};
    import { createEmptyBrief } from ${JSON.stringify(path.join(root, "tests/utils/rooms.ts"))};
    const store = openSqliteStore(${JSON.stringify(dir)});
    await createEmptyBrief(store, "b", "B");
    for (let i = 0; i < ${UPDATES_PER_CHECKPOINT + 10}; i++) await store.docs.append("b", [new Uint8Array(100).fill(i % 256)]);
    await store.close();
    console.log("closed");
  `;
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script],
    {
      cwd: root,
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  expect({ code: run.status, stdout: run.stdout.trim() }).toEqual({ code: 0, stdout: "closed" });
});

it("falls back to SQLite's own checkpoints, and says so, when the worker fails", async () => {
  const dir = dataDir();
  const db = new Database(path.join(dir, "x.db"));
  db.pragma("journal_mode = WAL");
  const lines: string[] = [];
  const log = createLogger("warn", (line) => lines.push(line));
  const checkpoints = new Checkpointer(db, path.join(dir, "missing.db"), log, 1);
  expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(2000);
  checkpoints.committed(1);
  await until(() => lines.length > 0);
  expect(JSON.parse(lines[0]!)).toMatchObject({
    level: "error",
    msg: expect.stringMatching(/checkpoint/),
  });
  expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
  checkpoints.committed(1);
  await checkpoints.close();
  db.close();
});

it("moves a document log written before the clustered table into it, update for update", async () => {
  const dir = dataDir();
  const old = new Database(path.join(dir, "briefroom.db"));
  old.exec("CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
  for (const m of migrations.filter((m) => m.id <= 2)) {
    old.exec(m.sqlite);
    old.prepare("INSERT INTO migrations (id, name) VALUES (?, ?)").run(m.id, m.name);
  }
  old
    .prepare(
      "INSERT INTO briefs (id, title, fields, created_at, updated_at) VALUES ('b', 'B', '{}', ?, ?)",
    )
    .run("2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
  const updates = [1, 2, 3].map((n) => new Uint8Array([n, n, n]));
  updates.forEach((u, i) => {
    old.prepare("INSERT INTO doc_updates VALUES ('b', ?, ?)").run(i + 1, Buffer.from(u));
  });
  old.close();

  const store = openSqliteStore(dir);
  const loaded = await store.docs.load("b");
  expect(loaded!.updates).toEqual(updates);
  expect(loaded!.lastSeq).toBe(3);
  expect(await store.docs.append("b", [new Uint8Array([4])])).toBe(4);
  await store.close();
  const db = new Database(path.join(dir, "briefroom.db"), { readonly: true });
  const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'doc_updates'").get() as {
    sql: string;
  };
  expect(sql).toMatch(/WITHOUT ROWID/);
  db.close();
});
