import type { Logger } from "../logger.ts";
import type { Store } from "../store/store.ts";
import { WorkerPool } from "../workers/pool.ts";
import { readSeedArticles } from "./seeds.ts";

/**
 * When the store holds no articles (first start), imports the sample articles in `seeds/`
 * so a new team has something to draft from. They are extracted in a worker thread of their
 * own, which stops once they are in: extraction's libraries loaded into the server's own
 * thread would stay there for good (compromise's lexicon alone, thousands of objects each
 * with keys of its own, leaves V8 unable to give new object shapes a shared map, which made
 * every WebSocket frame the server sent afterwards dearer), and a worker kept idle would
 * hold them too.
 */
export async function loadSeedsOnFirstStart(
  store: Store,
  log: Logger,
  dir = "seeds",
): Promise<void> {
  if ((await store.articles.count()) > 0) return;
  const pool = new WorkerPool(1);
  try {
    const seeds = readSeedArticles(dir);
    for (const { id, input } of seeds) {
      if (!(await store.articles.get(id)))
        await store.articles.create(await pool.extractArticle(input, id));
    }
    if (seeds.length > 0) log.info("imported sample articles", { count: seeds.length });
  } catch (err) {
    log.warn("could not load the sample articles", { err: String(err) });
  } finally {
    await pool.close();
  }
}
