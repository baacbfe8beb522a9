import { createRequire } from "node:module";
import type * as ReadabilityModule from "@mozilla/readability";
import type * as Linkedom from "linkedom";

/*
 * linkedom and @mozilla/readability, loaded on first use, as compromise is (lexicon.ts): with
 * mammoth they are ~30 MB that a server which only edits briefs never needs. Articles are
 * read at import.
 */
const load = createRequire(import.meta.url);
let linkedom: typeof Linkedom | undefined;
let readabilityModule: typeof ReadabilityModule | undefined;

/** linkedom's `parseHTML`: a DOM for an HTML string. */
export function parseHTML(html: string): ReturnType<typeof Linkedom.parseHTML> {
  linkedom ??= load("linkedom") as typeof Linkedom;
  return linkedom.parseHTML(html);
}

/** @mozilla/readability's main content of `page`, which it rewrites as it reads. */
export function readability(
  page: Document,
  options: { charThreshold: number },
): ReturnType<ReadabilityModule.Readability["parse"]> {
  readabilityModule ??= load("@mozilla/readability") as typeof ReadabilityModule;
  return new readabilityModule.Readability<string>(page, options).parse();
}
