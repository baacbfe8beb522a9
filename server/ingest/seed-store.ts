import type { Logger } from "../logger.ts";
import type { Store } from "../store/store.ts";
import { loadSeedArticles } from "./seeds.ts";

/**
 * When the store holds no articles (first start), imports the sample articles in `seeds/`
 * so a new team has something to draft from.
 */
export async function loadSeedsOnFirstStart(
  store: Store,
  log: Logger,
  dir = "seeds",
): Promise<void> {
  if ((await store.articles.count()) > 0) return;
  try {
    const articles = loadSeedArticles(dir);
    for (const article of articles) {
      if (!(await store.articles.get(article.id))) await store.articles.create(article);
    }
    if (articles.length > 0) log.info("imported sample articles", { count: articles.length });
  } catch (err) {
    log.warn("could not load the sample articles", { err: String(err) });
  }
}
