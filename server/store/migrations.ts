/**
 * Schema migrations for every store, in order. Each has SQL for SQLite and for Postgres;
 * a store applies the ones it has not recorded in its `migrations` table, at start.
 */
export interface Migration {
  id: number;
  name: string;
  sqlite: string;
  /** Absent where Postgres needs no change. */
  postgres?: string;
}

const briefs = (blob: string, json: string) => `
CREATE TABLE briefs (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  template_id TEXT,
  fields ${json} NOT NULL,
  owner_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE doc_snapshots (
  brief_id TEXT PRIMARY KEY REFERENCES briefs(id) ON DELETE CASCADE,
  state ${blob} NOT NULL,
  seq BIGINT NOT NULL,
  doc_json ${json} NOT NULL
);
CREATE TABLE doc_updates (
  brief_id TEXT NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
  seq BIGINT NOT NULL,
  update_data ${blob} NOT NULL,
  PRIMARY KEY (brief_id, seq)
);
CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  body ${json} NOT NULL,
  snippet_count INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE templates (
  id TEXT PRIMARY KEY,
  body ${json} NOT NULL,
  reference_docx ${blob},
  updated_at TEXT NOT NULL
);
`;

/** Accounts and access (issue 7). Secrets only as hashes; see docs/security.md. */
const auth = (serial: string) => `
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  is_admin INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE shares (
  id TEXT PRIMARY KEY,
  brief_id TEXT NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('user', 'link')),
  role TEXT NOT NULL CHECK (role IN ('editor', 'commenter', 'viewer')),
  user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
  email TEXT,
  token_hash TEXT UNIQUE,
  expires_at TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX shares_brief_email ON shares (brief_id, email) WHERE kind = 'user';
CREATE INDEX shares_user ON shares (user_id);
CREATE INDEX shares_email ON shares (email);
CREATE TABLE audit_log (
  seq ${serial},
  at TEXT NOT NULL,
  type TEXT NOT NULL,
  actor_id TEXT,
  brief_id TEXT,
  ip TEXT,
  details TEXT NOT NULL
);
`;

export const migrations: Migration[] = [
  {
    id: 1,
    name: "briefs, documents, articles, templates",
    sqlite: briefs("BLOB", "TEXT"),
    postgres: briefs("BYTEA", "TEXT"),
  },
  {
    id: 2,
    name: "users, sessions, shares, audit log",
    sqlite: auth("INTEGER PRIMARY KEY AUTOINCREMENT"),
    postgres: auth("BIGSERIAL PRIMARY KEY"),
  },
  {
    id: 3,
    name: "document log clustered by brief and sequence (SQLite)",
    // A rowid table kept its rows and its (brief_id, seq) key in two b-trees, so each commit
    // wrote two pages to the WAL; clustered on the key it writes one. Updates are mostly
    // keystrokes, far below the row size where WITHOUT ROWID stops paying.
    sqlite: `
CREATE TABLE doc_updates_by_key (
  brief_id TEXT NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
  seq BIGINT NOT NULL,
  update_data BLOB NOT NULL,
  PRIMARY KEY (brief_id, seq)
) WITHOUT ROWID;
INSERT INTO doc_updates_by_key (brief_id, seq, update_data)
  SELECT brief_id, seq, update_data FROM doc_updates;
DROP TABLE doc_updates;
ALTER TABLE doc_updates_by_key RENAME TO doc_updates;
`,
  },
  {
    id: 4,
    name: "snapshots keep their state vector",
    // Opening a brief sends its state vector first; read off the snapshot's encoding it took
    // a walk of the whole state (tens of ms for a long brief). Snapshots stored earlier have
    // none, and are walked as before until they are next compacted.
    sqlite: "ALTER TABLE doc_snapshots ADD COLUMN state_vector BLOB;",
    postgres: "ALTER TABLE doc_snapshots ADD COLUMN state_vector BYTEA;",
  },
];
