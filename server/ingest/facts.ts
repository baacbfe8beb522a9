import { capitalRuns, classifyRun, stripFunctionCaps } from "./names.ts";
import { findQuotes, MASK, maskQuotes } from "./quotes.ts";
import { type Span, splitSentencesOutside } from "./sentences.ts";

const FIGURE =
  /[\d$€£¥%]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?|trillions?|half|percent|per cent)\b/i;
const DATE =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|yesterday|last (?:week|month|year)|next (?:week|month|year))\b/;

function namesAnActor(sentence: string): boolean {
  return capitalRuns(sentence).some((run) => {
    const text = stripFunctionCaps(run.text);
    return text !== "" && classifyRun(text) !== "other";
  });
}

/**
 * Sentences worth citing as facts: they carry a figure, an amount or a date, or name a
 * person, organisation or place doing something. Sentences that are mostly quotation are left
 * to the quote snippets.
 */
export function findFacts(paragraph: string): Span[] {
  const quotes = findQuotes(paragraph);
  const masked = maskQuotes(paragraph, quotes);
  return splitSentencesOutside(paragraph, quotes).filter(({ start, end }) => {
    const sentence = masked.slice(start, end);
    const quoted = sentence.split(MASK).length - 1;
    if (quoted * 2 > sentence.length || sentence.split(" ").length < 6) return false;
    const own = sentence.replaceAll(MASK, "");
    return FIGURE.test(own) || DATE.test(own) || namesAnActor(own);
  });
}
