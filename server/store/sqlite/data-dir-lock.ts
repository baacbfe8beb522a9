import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Holds a data directory for one server. A second server on the same folder would keep rooms
 * of its own for the same briefs, each unaware of the other's edits. The lock is an exclusive
 * SQLite lock on `server.lock`, which the operating system drops when the process ends,
 * however it ends, so a killed server leaves nothing stale behind. Returns the release.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lock = new Database(path.join(dataDir, "server.lock"), { timeout: 0 });
  try {
    lock.pragma("locking_mode = EXCLUSIVE");
    lock.exec("BEGIN EXCLUSIVE");
  } catch (err) {
    lock.close();
    if ((err as { code?: string }).code === "SQLITE_BUSY")
      throw new Error(
        `DATA_DIR ${path.resolve(dataDir)} is in use by another Briefroom server: stop that one, or give this one a DATA_DIR of its own`,
      );
    throw err;
  }
  return () => lock.close();
}
