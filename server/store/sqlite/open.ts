import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type Logger, silentLogger } from "../../logger.ts";
import { type EditTime, EditTimes } from "../edit-times.ts";
import { migrations } from "../migrations.ts";
import type { Store } from "../store.ts";
import { sqliteArticles } from "./articles.ts";
import { sqliteAudit } from "./audit.ts";
import { sqliteBriefs } from "./briefs.ts";
import { Checkpointer } from "./checkpointer.ts";
import { sqliteDocs } from "./docs.ts";
import { Journal } from "./journal.ts";
import { sqliteSessions } from "./sessions.ts";
import { sqliteShares } from "./shares.ts";
import { sqliteTemplates } from "./templates.ts";
import { sqliteUsers } from "./users.ts";

export interface SqliteStoreOptions {
  /** Write the journal with a system call per turn even where it could be mapped (tests). */
  writeJournal?: boolean;
}

/** Opens (creating if needed) the SQLite store in `dataDir/briefroom.db`, migrated. */
export function openSqliteStore(
  dataDir: string,
  log: Logger = silentLogger,
  { writeJournal = false }: SqliteStoreOptions = {},
): Store {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "briefroom.db");
  const db = new Database(file);
  // WAL with synchronous=NORMAL survives a killed process (not a power cut) and commits in µs.
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  const checkpoints = new Checkpointer(db, file, log);
  const touch = db.prepare<[string, string]>("UPDATE briefs SET updated_at = ? WHERE id = ?");
  const touchAll = db.transaction((times: EditTime[]) => {
    for (const [briefId, at] of times) touch.run(at, briefId);
  });
  const edits = new EditTimes((times) => {
    if (db.open) touchAll(times);
  });
  const journal = new Journal(
    path.join(dataDir, "briefroom.journal"),
    writeJournal ? { map: null } : {},
  );
  if (!journal.mapped && !writeJournal)
    log.info("the journal is written with a system call per turn, not mapped", {
      because: journal.unmappedBecause,
    });
  const docs = sqliteDocs(db, { edits, checkpoints, touch, journal, log });
  // Updates journaled before the last run ended (a crash) go into the log before any read.
  const recovered = journal.count;
  docs.moveJournal();
  if (recovered > 0) log.info("moved journaled updates into the log", { updates: recovered });
  return {
    kind: "sqlite",
    briefs: sqliteBriefs(db),
    docs,
    articles: sqliteArticles(db),
    templates: sqliteTemplates(db),
    users: sqliteUsers(db),
    sessions: sqliteSessions(db),
    shares: sqliteShares(db),
    audit: sqliteAudit(db),
    async close() {
      await edits.flush();
      docs.moveJournal();
      journal.close();
      await checkpoints.close();
      db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  db.exec("CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
  const done = new Set(
    db
      .prepare("SELECT id FROM migrations")
      .all()
      .map((r) => (r as { id: number }).id),
  );
  for (const m of migrations) {
    if (done.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sqlite);
      db.prepare("INSERT INTO migrations (id, name) VALUES (?, ?)").run(m.id, m.name);
    })();
  }
}
