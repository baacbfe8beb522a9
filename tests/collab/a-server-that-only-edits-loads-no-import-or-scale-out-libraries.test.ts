import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { afterAll, afterEach, expect, it } from "vitest";
import { bearer, defaultToken } from "../utils/auth.ts";
import {
  appendParagraph,
  connectClient,
  eventually,
  fragmentText,
  synced,
} from "../utils/clients.ts";
import { killSpawnedServers, spawnServer } from "../utils/process.ts";
import { removeDataDir } from "../utils/server.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "briefroom-lazy-"));
afterEach(killSpawnedServers);
afterAll(() => removeDataDir(dataDir));

/** Packages a server needs only to import articles, or to run beside other instances. */
const LAZY = ["compromise", "linkedom", "@mozilla/readability", "mammoth", "pg", "ioredis"];

// Preloaded into the server: on exit, it writes down every CommonJS module the main thread
// loaded (all of LAZY are CommonJS, whether required or imported). Worker threads run the
// preload too, with modules of their own: they leave the file alone.
const preload = path.join(dataDir, "loaded-modules.cjs");
writeFileSync(
  preload,
  `if (require("node:worker_threads").isMainThread) process.on("exit", () => require("node:fs").writeFileSync(process.env.LOADED_MODULES_FILE, JSON.stringify(Object.keys(require.cache))));`,
);

/** Runs the bundled server (as `npm start` does) through `work`, then lists the LAZY it loaded. */
async function lazyLoaded(
  name: string,
  work: (server: Awaited<ReturnType<typeof spawnServer>>) => Promise<void>,
): Promise<string[]> {
  const file = path.join(dataDir, `${name}.json`);
  const server = await spawnServer({
    dataDir,
    env: { NODE_OPTIONS: `--require ${preload}`, LOADED_MODULES_FILE: file },
  });
  await work(server);
  expect((await server.kill("SIGTERM")).code).toBe(0);
  const modules = JSON.parse(readFileSync(file, "utf8")) as string[];
  return LAZY.filter((pkg) => modules.some((m) => m.includes(`/node_modules/${pkg}/`)));
}

it("a server that serves briefs loads none of the import, Postgres or Redis libraries, and imports articles (the samples too) in a worker thread", async () => {
  // The first start imports the sample articles, before it serves anyone, in a worker thread:
  // compromise's lexicon in the server's own thread would stay there for good, and leave V8
  // unable to share maps between new object shapes (ws's frame options among them).
  const firstStart = await lazyLoaded("first-start", async (server) => {
    const { body } = await server.api<{ articles: { id: string }[] }>("GET", "/api/articles");
    expect(body.articles.map((a) => a.id)).toEqual(["seed-north-korea-troops-russia"]);
  });
  expect(firstStart).toEqual([]);

  const editing = await lazyLoaded("editing", async (server) => {
    const { body } = await server.api<{ id: string }>("POST", "/api/briefs", { title: "Lazy" });
    const [editor, watcher] = [
      connectClient(server.wsUrl, body.id),
      connectClient(server.wsUrl, body.id),
    ];
    await Promise.all([synced(editor.provider), synced(watcher.provider)]);
    appendParagraph(editor.doc, "typed live");
    await eventually(() => fragmentText(watcher.doc).includes("typed live"), 5000, "the edit");
    expect((await server.api("GET", `/api/briefs/${body.id}`)).status).toBe(200);
    editor.destroy();
    watcher.destroy();
  });
  expect(editing).toEqual([]);

  // An article imported while people edit is read in a worker thread: the event loop serving
  // them neither waits for it nor keeps its libraries.
  const importing = await lazyLoaded("importing", async (server) => {
    const html = `<html><head><title>Talks resume</title></head><body><article>
      <h1>Talks resume</h1>
      <p>"We are ready to talk," said Anna Berg, the foreign minister, on Monday in Oslo.</p>
      <p>The talks had stalled for three months over the question of observers.</p>
    </article></body></html>`;
    const res = await server.api<{ snippets: { kind: string; speaker?: string }[] }>(
      "POST",
      "/api/articles",
      { html },
    );
    expect(res.status).toBe(201);
    expect(res.body.snippets).toContainEqual(
      expect.objectContaining({ kind: "quote", speaker: "Anna Berg" }),
    );
    // The extractor's refusals reach the client as they were.
    const empty = await server.api<{ error: { id: string } }>("POST", "/api/articles", {
      text: "Share\nTweet\nEmail",
    });
    expect([empty.status, empty.body.error.id]).toEqual([400, "no_article_body"]);
    // A Word file is converted there too.
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph(`"Soon," said Anna Berg.`)] }] }),
    );
    const form = new FormData();
    form.set("file", new File([new Uint8Array(docx)], "talks.docx"));
    const uploaded = await fetch(`${server.url}/api/articles`, {
      method: "POST",
      headers: bearer(defaultToken(server.url)!),
      body: form,
    });
    expect(uploaded.status).toBe(201);
  });
  expect(importing).toEqual([]);
}, 60_000);
