import { continuesAppeal, isChrome, opensAppeal, opensLinkList } from "./boilerplate.ts";
import { datelineLength, type LineMeta, readMetaLine } from "./metadata.ts";
import { findQuotes, MASK, maskQuotes } from "./quotes.ts";

/** A line of a page, with what the markup said about it when there was markup. */
export interface PageLine {
  text: string;
  kind?: "title" | "heading" | "item" | "caption" | "chrome";
}

/** Body paragraphs separated from the chrome around them, with what the chrome told us. */
export interface Cleaned {
  title?: string;
  paragraphs: string[];
  /** Indexes of `paragraphs` that are in-body subheadings. */
  headings: Set<number>;
  boilerplate: string[];
  meta: LineMeta;
}

type Role = "body" | "chrome" | "meta" | "title" | "heading";

const words = (text: string) => text.split(" ").length;
const outsideQuotes = (text: string) => maskQuotes(text, findQuotes(text)).replaceAll(MASK, "");
const headlineShaped = (text: string) =>
  words(text) <= 25 && !/[.,;:]["”’']?$/.test(text) && /^["“‘'\p{Lu}\p{N}\p{Sc}]/u.test(text);
const subheadingShaped = (text: string) =>
  words(text) <= 10 &&
  text.length <= 80 &&
  !/[.,;:!]["”’']?$/.test(text) &&
  /^["“‘'\p{Lu}\p{N}\p{Sc}]/u.test(text);

function markLinkLists(lines: PageLine[], roles: Role[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (!opensLinkList(lines[i]!.text)) continue;
    roles[i] = "chrome";
    for (let j = i + 1; j < lines.length; j++) {
      const { text, kind } = lines[j]!;
      if (roles[j] !== "body" || !(kind === "item" || headlineShaped(text))) break;
      roles[j] = "chrome";
    }
  }
}

function markAppeals(lines: PageLine[], roles: Role[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] !== "body" || !opensAppeal(outsideQuotes(lines[i]!.text))) continue;
    let j = i;
    while (
      j < lines.length &&
      (roles[j] !== "body" || continuesAppeal(outsideQuotes(lines[j]!.text)))
    ) {
      if (roles[j] === "body") roles[j] = "chrome";
      j++;
    }
    i = j;
  }
}

function markTitleAndHeadings(lines: PageLine[], roles: Role[]): void {
  const body = roles.flatMap((r, i) => (r === "body" ? [i] : []));
  const titled = lines.findIndex((l, i) => l.kind === "title" && roles[i] === "body");
  const first = body[0];
  if (titled >= 0) roles[titled] = "title";
  else if (
    first !== undefined &&
    body.length > 1 &&
    !lines.some((l) => l.kind) &&
    headlineShaped(lines[first]!.text)
  ) {
    roles[first] = "title";
  }
  const marked = lines.some((l) => l.kind === "heading");
  const rest = body.filter((i) => roles[i] === "body");
  rest.forEach((i, k) => {
    const inside = k > 0 && k < rest.length - 1;
    const { text, kind } = lines[i]!;
    if (kind === "heading" || (!marked && inside && subheadingShaped(text))) roles[i] = "heading";
  });
}

/**
 * Separates body paragraphs from page chrome: bylines and dates become metadata, appeals,
 * newsletter prompts, link lists, share/cookie lines and credits go to `boilerplate` (never
 * dropped), in-body subheadings stay in the body and are flagged.
 */
export function cleanLines(lines: PageLine[]): Cleaned {
  const roles: Role[] = lines.map(() => "body");
  const meta: LineMeta = {};
  lines.forEach(({ text, kind }, i) => {
    const read = kind === "heading" || kind === "title" ? null : readMetaLine(text);
    if (read) {
      roles[i] = "meta";
      meta.author ??= read.author;
      meta.publishedAt ??= read.publishedAt;
    } else if (kind === "caption" || kind === "chrome" || isChrome(text)) roles[i] = "chrome";
  });
  markLinkLists(lines, roles);
  markAppeals(lines, roles);
  markTitleAndHeadings(lines, roles);
  const cleaned: Cleaned = { paragraphs: [], headings: new Set(), boilerplate: [], meta };
  lines.forEach(({ text }, i) => {
    const role = roles[i];
    if (role === "title") cleaned.title ??= text;
    else if (role === "chrome" || role === "meta") cleaned.boilerplate.push(text);
    else {
      if (role === "heading") cleaned.headings.add(cleaned.paragraphs.length);
      cleaned.paragraphs.push(text);
    }
  });
  stripDateline(cleaned);
  return cleaned;
}

function stripDateline(cleaned: Cleaned): void {
  const index = cleaned.paragraphs.findIndex((_, i) => !cleaned.headings.has(i));
  const first = cleaned.paragraphs[index];
  const length = first ? datelineLength(first) : 0;
  if (!first || length === 0) return;
  cleaned.boilerplate.push(first.slice(0, length).trim());
  cleaned.paragraphs[index] = first.slice(length);
}
