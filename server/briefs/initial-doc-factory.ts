import type * as Y from "yjs";
import { badRequest } from "../errors.ts";
import type { Article } from "../schema/article.ts";
import type { CreateBrief } from "../schema/brief.ts";
import type { ArticleRepo } from "../store/store.ts";
import type { TemplateRegistry } from "../templates/registry.ts";
import { buildInitialDoc } from "./initial-doc.ts";

export interface InitialDocDeps {
  registry: TemplateRegistry;
  articles: Pick<ArticleRepo, "get">;
  /** The clock for `"today"` field defaults. */
  now?: () => Date;
}

/**
 * `POST /api/briefs`' document builder: looks up the template and articles the request
 * names (a 400 naming `templateId` or `articleIds.<n>` when one does not exist) and builds
 * the initial Y.Doc from them.
 */
export function initialDocFactory({ registry, articles, now = () => new Date() }: InitialDocDeps) {
  return async (input: CreateBrief): Promise<Y.Doc> => {
    const template = input.templateId ? await registry.get(input.templateId) : null;
    if (input.templateId && !template) {
      throw badRequest("unknown_template", `templateId: no template with id "${input.templateId}"`);
    }
    const chosen: Article[] = [];
    for (const [i, id] of (input.articleIds ?? []).entries()) {
      const article = await articles.get(id);
      if (!article)
        throw badRequest("unknown_article", `articleIds.${i}: no article with id "${id}"`);
      chosen.push(article);
    }
    return buildInitialDoc({
      title: input.title,
      template,
      fields: input.fields ?? {},
      articles: chosen,
      draft: input.draft ?? false,
      now: now(),
    });
  };
}
