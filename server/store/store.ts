import type { Article, ArticleSummary } from "../schema/article.ts";
import type { Brief, FieldValues, PMNode } from "../schema/brief.ts";
import type { Template } from "../schema/template.ts";
import type { AuditRepo, SessionRepo, ShareRepo, UserRepo } from "./auth-store.ts";

/** A brief's stored Yjs state: the last merged snapshot plus every update logged since. */
export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the last update in `updates` (or of the snapshot when none). */
  lastSeq: number;
}

export interface NewBrief {
  id: string;
  title: string;
  templateId: string | null;
  fields: FieldValues;
  ownerId: string | null;
  /** The initial Yjs state (template headings, drafted content), stored as the snapshot. */
  state: Uint8Array;
  doc: PMNode;
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
   * Replaces the snapshot with `state` and drops logged updates up to `upToSeq`, which the
   * state already contains, together with the derived ProseMirror JSON, in one transaction.
   * A snapshot already at or past `upToSeq` is kept (another instance compacted first).
   */
  compact(briefId: string, state: Uint8Array, upToSeq: number, doc: PMNode): Promise<void>;
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
