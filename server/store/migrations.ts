/**
 * Schema migrations for every store, in order. Each has SQL for SQLite and for Postgres;
 * a store applies the ones it has not recorded in its `migrations` table, at start.
 */
export interface Migration {
  id: number;
  name: string;
  sqlite: string;
  postgres: string;
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

export const migrations: Migration[] = [
  {
    id: 1,
    name: "briefs, documents, articles, templates",
    sqlite: briefs("BLOB", "TEXT"),
    postgres: briefs("BYTEA", "TEXT"),
  },
];
