import type { Article, ArticleSummary } from "../schema/article.ts";
import type { Brief, FieldValues, PMNode } from "../schema/brief.ts";
import type { Template } from "../schema/template.ts";
import type { AuditRepo, SessionRepo, ShareRepo, UserRepo } from "./auth-store.ts";

/** A brief's stored Yjs state: the last merged snapshot plus every update logged since. */
export interface StoredDoc {
  snapshot: Uint8Array | null;
  /** The snapshot's state vector; null for one stored before vectors were kept (migration 4). */
  snapshotStateVector: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the last update in `updates` (or of the snapshot when none). */
  lastSeq: number;
}

/** A brief's whole Yjs state as its snapshot holds it. */
export interface DocSnapshot {
  state: Uint8Array;
  /**
   * `state`'s state vector (`Y.encodeStateVector` of the document it was encoded from), so
   * that opening the brief needn't decode all of `state` to learn it.
   */
  stateVector: Uint8Array;
  /** The derived ProseMirror JSON of the body. */
  doc: PMNode;
}

/** A brief to create; its snapshot is the initial state (template headings, drafted content). */
export interface NewBrief extends DocSnapshot {
  id: string;
  title: string;
  templateId: string | null;
  fields: FieldValues;
  ownerId: string | null;
}

/** Brief rows. Title, template and fields mirror the Y.Doc's `meta` map for listing. */
export interface BriefRepo {
  create(brief: NewBrief): Promise<Brief>;
  get(id: string): Promise<Brief | null>;
  list(): Promise<Brief[]>;
  /** Updates the listed metadata; the Y.Doc stays the source of truth. */
  updateMeta(
    id: string,
    meta: { title: string; templateId: string | null; fields: FieldValues },
  ): Promise<void>;
  delete(id: string): Promise<boolean>;
}

export interface AppendEntry {
  briefId: string;
  updates: Uint8Array[];
}

/** The Yjs persistence of brief bodies: an append-only update log plus snapshots. */
export interface DocRepo {
  load(briefId: string): Promise<StoredDoc | null>;
  /** Appends updates all at once; resolves once they are durable. Returns the last seq. */
  append(briefId: string, updates: Uint8Array[]): Promise<number>;
  /**
   * Stores that write synchronously (SQLite, through its journal) also append several briefs'
   * updates in one write, and answer at once: per entry, its last seq or why it failed (one
   * brief's failure fails only its entry). Rooms then broadcast in the same event-loop turn.
   */
  appendNow?(entries: AppendEntry[]): (number | Error)[];
  /**
   * Replaces the snapshot and drops logged updates up to `upToSeq`, which it already
   * contains, in one transaction. A snapshot already at or past `upToSeq` is kept (another
   * instance compacted first).
   */
  compact(briefId: string, snapshot: DocSnapshot, upToSeq: number): Promise<void>;
  /** The derived ProseMirror JSON of the body as of the last compaction or save. */
  derived(briefId: string): Promise<PMNode | null>;
  /** Number of updates logged since the last snapshot. */
  pending(briefId: string): Promise<number>;
}

export interface ArticleRepo {
  create(article: Article): Promise<void>;
  get(id: string): Promise<Article | null>;
  list(): Promise<ArticleSummary[]>;
  delete(id: string): Promise<boolean>;
  count(): Promise<number>;
}

/** User templates; built-ins live on disk and never reach the store. */
export interface TemplateRepo {
  upsert(template: Template, referenceDocx?: Uint8Array | null): Promise<void>;
  get(id: string): Promise<Template | null>;
  list(): Promise<Template[]>;
  delete(id: string): Promise<boolean>;
  setReferenceDocx(id: string, docx: Uint8Array): Promise<void>;
  referenceDocx(id: string): Promise<Uint8Array | null>;
}

/** Everything Briefroom keeps. SQLite by default, Postgres with `DATABASE_URL`. */
export interface Store {
  readonly kind: "sqlite" | "postgres";
  readonly briefs: BriefRepo;
  readonly docs: DocRepo;
  readonly articles: ArticleRepo;
  readonly templates: TemplateRepo;
  readonly users: UserRepo;
  readonly sessions: SessionRepo;
  readonly shares: ShareRepo;
  readonly audit: AuditRepo;
  close(): Promise<void>;
}
