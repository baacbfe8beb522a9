import type pg from "pg";
import type { AuditEntry, AuditRepo, AuditType } from "../auth-store.ts";

interface Row {
  seq: string;
  at: string;
  type: AuditType;
  actor_id: string | null;
  brief_id: string | null;
  ip: string | null;
  details: string;
}

const toEntry = (r: Row): AuditEntry => ({
  seq: Number(r.seq),
  at: r.at,
  type: r.type,
  actorId: r.actor_id,
  briefId: r.brief_id,
  ip: r.ip,
  details: JSON.parse(r.details),
});

export function pgAudit(pool: pg.Pool): AuditRepo {
  return {
    async record(e) {
      await pool.query(
        "INSERT INTO audit_log (at, type, actor_id, brief_id, ip, details) VALUES ($1, $2, $3, $4, $5, $6)",
        [
          new Date().toISOString(),
          e.type,
          e.actorId,
          e.briefId ?? null,
          e.ip ?? null,
          JSON.stringify(e.details ?? {}),
        ],
      );
    },
    async list({ limit, before }) {
      const { rows } = await pool.query<Row>(
        "SELECT * FROM audit_log WHERE seq < $1 ORDER BY seq DESC LIMIT $2",
        [before ?? Number.MAX_SAFE_INTEGER, limit],
      );
      return rows.map(toEntry);
    },
  };
}
