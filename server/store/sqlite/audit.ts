import type Database from "better-sqlite3";
import type { AuditEntry, AuditRepo, AuditType } from "../auth-store.ts";

interface Row {
  seq: number;
  at: string;
  type: AuditType;
  actor_id: string | null;
  brief_id: string | null;
  ip: string | null;
  details: string;
}

const toEntry = (r: Row): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  type: r.type,
  actorId: r.actor_id,
  briefId: r.brief_id,
  ip: r.ip,
  details: JSON.parse(r.details),
});

export function sqliteAudit(db: Database.Database): AuditRepo {
  const insert = db.prepare(
    "INSERT INTO audit_log (at, type, actor_id, brief_id, ip, details) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const page = db.prepare("SELECT * FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?");

  return {
    async record(e) {
      insert.run(
        new Date().toISOString(),
        e.type,
        e.actorId,
        e.briefId ?? null,
        e.ip ?? null,
        JSON.stringify(e.details ?? {}),
      );
    },
    async list({ limit, before }) {
      return (page.all(before ?? Number.MAX_SAFE_INTEGER, limit) as Row[]).map(toEntry);
    },
  };
}
