import * as Y from "yjs";
import { checkBriefBody } from "../check/check-body.ts";
import { withEvidenceAnnex } from "../check/evidence-annex.ts";
import { markProblems } from "../check/mark-problems.ts";
import { bodyToJSON } from "../collab/body-json.ts";
import { readMeta } from "../collab/meta.ts";
import type { Article } from "../schema/article.ts";
import type { PMNode } from "../schema/brief.ts";
import type { BundleSource } from "../schema/bundle.ts";
import type { CheckResult } from "../schema/check.ts";
import type { Template } from "../schema/template.ts";
import { bundleSource, citedArticleIds } from "./brief-bundle.ts";
import { renderDocx } from "./render-docx.ts";

/**
 * Work on a brief as an export worker does it, from the document's encoded state: everything
 * but fetching articles (the store lives on the main thread), so a large brief costs the event
 * loop that serves live editing only the encoding.
 */
export interface BriefJobInput {
  /** `Y.encodeStateAsUpdate` of the brief's document. */
  state: Uint8Array;
  template: Template;
}

export interface BriefExportInput extends BriefJobInput {
  referenceDocx?: Uint8Array;
  /** Export despite source problems or low coverage, marking the problems in the document. */
  proceed: boolean;
  /** Add the evidence annex after the Sources. */
  annex: boolean;
}

/** The .docx, or the check that stopped it (the caller refuses with its reasons). */
export type BriefExportOutcome =
  | { kind: "docx"; bytes: Uint8Array; title: string }
  | { kind: "refused"; check: CheckResult };

/** Fetches the articles with these ids; missing ones are simply absent. */
export type LoadArticles = (ids: string[]) => Promise<Map<string, Article>>;

async function open(input: BriefJobInput, loadArticles: LoadArticles) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, input.state);
  const meta = readMeta(doc);
  const body: PMNode = bodyToJSON(doc);
  doc.destroy();
  const articles = await loadArticles([...citedArticleIds(body)]);
  const check = await checkBriefBody(body, { articles, template: input.template });
  return { meta, body, articles, check };
}

/** The source check of the brief: quotation problems and citation coverage. */
export async function checkBriefJob(
  input: BriefJobInput,
  loadArticles: LoadArticles,
): Promise<CheckResult> {
  return (await open(input, loadArticles)).check;
}

/** Whether an export must stop and ask: source problems, or coverage under the minimum. */
export function mustAsk(check: CheckResult, minCoverage: number | undefined): boolean {
  return (
    check.problems.length > 0 ||
    (minCoverage !== undefined && check.coverage.brief.ratio < minCoverage)
  );
}

/**
 * Checks the brief against its sources and renders it as Word: refused when it must ask
 * first and the request did not say to proceed; otherwise with any problems marked and, when
 * asked, the evidence annex.
 */
export async function exportBriefJob(
  input: BriefExportInput,
  loadArticles: LoadArticles,
): Promise<BriefExportOutcome> {
  const { meta, body, articles, check } = await open(input, loadArticles);
  if (!input.proceed && mustAsk(check, input.template.minCoverage)) {
    return { kind: "refused", check };
  }
  const sources: Record<string, BundleSource> = {};
  for (const [id, article] of articles) sources[id] = bundleSource(article);
  let doc = check.problems.length ? markProblems(body, check.problems) : body;
  if (input.annex) doc = withEvidenceAnnex(doc, articles, sources);
  const bytes = await renderDocx(
    { title: meta.title, fields: meta.fields, doc, sources },
    input.template,
    input.referenceDocx ? { referenceDocx: input.referenceDocx } : {},
  );
  return { kind: "docx", bytes, title: meta.title };
}
