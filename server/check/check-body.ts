import { guidanceText } from "../briefs/initial-doc.ts";
import { loadCitedArticles } from "../export/brief-bundle.ts";
import type { Article } from "../schema/article.ts";
import type { PMNode } from "../schema/brief.ts";
import type { CheckResult } from "../schema/check.ts";
import type { Template } from "../schema/template.ts";
import type { ArticleRepo } from "../store/store.ts";
import { checkBrief } from "./check-brief.ts";

/**
 * The source check of a brief body as the API and the export run it: against the articles the
 * body names, from the store or as already loaded (a deleted one makes its quotes
 * `missing_source`), leaving the template's guidance paragraphs out of the check.
 */
export async function checkBriefBody(
  body: PMNode,
  deps: {
    articles: Pick<ArticleRepo, "get"> | ReadonlyMap<string, Article>;
    template?: Pick<Template, "sections"> | null;
  },
): Promise<CheckResult> {
  const articles =
    "size" in deps.articles ? deps.articles : await loadCitedArticles(body, deps.articles);
  const placeholders = (deps.template?.sections ?? []).map(guidanceText).filter(Boolean);
  return checkBrief(body, articles, { placeholders });
}
