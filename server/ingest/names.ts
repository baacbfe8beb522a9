import {
  genderOfFirstName,
  isFirstName,
  isOrgWord,
  isPlaceName,
  isPlaceWord,
  tagsOf,
} from "./lexicon.ts";
import { memoByText } from "./memo.ts";

/** A run of capitalised words ("Korea Institute for National Unification"). */
export interface Run {
  text: string;
  start: number;
  end: number;
}

export type EntityKind = "person" | "org" | "place" | "other";

const CONNECTORS = new Set([
  "of",
  "for",
  "the",
  "de",
  "van",
  "von",
  "der",
  "bin",
  "al",
  "la",
  "le",
  "du",
  "da",
  "dos",
  "on",
]);
const NAME_PARTICLES = new Set([
  "de",
  "van",
  "von",
  "der",
  "bin",
  "al",
  "la",
  "le",
  "du",
  "da",
  "dos",
]);
const FUNCTION_CAPS = new Set(
  "The A An But And Or In On At For By With From As It Its He She His Her They Their We Our I This That These Those While When After Before Since If Although Though Yet So Then There Here What Who Why How Where Which Some Many Most Other Others Both Each Every All No Not Meanwhile However According Asked Despite During Under Over Until Amid Among Also Last Next Earlier Later Still Such Instead Now Today Yesterday Tomorrow Dear Thank Your You My Me Us Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December".split(
    " ",
  ),
);

const DATE_WORDS =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)$/;

/** Words that make the name after them a person and become the role ("President"). */
export const TITLE_WORDS = new Set(
  "president minister secretary chancellor senator sen. rep. representative governor gov. mayor general gen. admiral adm. colonel col. lt. lieutenant major maj. captain capt. sergeant sgt. commissioner director chairman chairwoman chair spokesman spokeswoman spokesperson ambassador judge justice pope king queen prince princess dr. dr prof. professor mr. mrs. ms. mr mrs ms miss sir dame lord lady chief ceo premier speaker leader inspector superintendent detective constable coach bishop rev. reverend sheikh emir deputy attorney councillor councilman councilwoman analyst researcher economist commander officer envoy diplomat editor founder president-elect vice head dean rector sheriff".split(
    " ",
  ),
);
const HONORIFIC_GENDER: Record<string, "m" | "f"> = {
  "mr.": "m",
  mr: "m",
  sir: "m",
  king: "m",
  lord: "m",
  prince: "m",
  father: "m",
  "mrs.": "f",
  mrs: "f",
  "ms.": "f",
  ms: "f",
  miss: "f",
  dame: "f",
  queen: "f",
  lady: "f",
  princess: "f",
};
/** Common East Asian family names, written first: "Kim" in "Kim Jong Un" says nothing of gender. */
const FAMILY_FIRST = new Set(
  "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Hong Moon Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Hu Guo Lin Xi Nguyen Tran Le Pham".split(
    " ",
  ),
);
const ACRONYM_PLACES = new Set(["US", "U.S.", "UK", "U.K.", "UAE", "USA", "U.S.A."]);

const isCapital = (word: string) => /^[\p{Lu}]/u.test(word);
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

/** Capitalised runs in a text, with connectors ("of", "for") kept between capitals. */
export const capitalRuns: (text: string) => readonly Run[] = memoByText(findCapitalRuns);

function findCapitalRuns(text: string): Run[] {
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({ word: m[0], start: m.index }));
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapital(tokens[i]!.word)) {
      i++;
      continue;
    }
    let j = i;
    let hasOrg = isOrgWord(tokens[i]!.word);
    let hasFirst = isFirstName(tokens[i]!.word);
    while (j + 1 < tokens.length) {
      const gap = text.slice(tokens[j]!.start + tokens[j]!.word.length, tokens[j + 1]!.start);
      if (gap !== " ") break;
      const next = tokens[j + 1]!.word;
      if (DATE_WORDS.test(next)) break;
      const after = tokens[j + 2]?.word ?? "";
      if (isCapital(next) && !/['’]s$/.test(tokens[j]!.word)) j++;
      else if ((next === "and" || next === "&") && isCapital(after) && hasOrg) j += 2;
      else if (
        CONNECTORS.has(next) &&
        isCapital(after) &&
        !DATE_WORDS.test(after) &&
        (hasOrg || !hasFirst)
      )
        j += 2;
      else break;
      hasOrg ||= isOrgWord(tokens[j]!.word);
      hasFirst ||= isFirstName(tokens[j]!.word);
    }
    const first = tokens[i]!;
    const last = tokens[j]!;
    runs.push(trimRun(text, first.start, last.start + last.word.length));
    i = j + 1;
  }
  return runs.filter((r) => r.text.length > 0);
}

function trimRun(text: string, start: number, end: number): Run {
  let run = text.slice(start, end);
  const possessive = /['’]s?$/.exec(run);
  if (possessive) run = run.slice(0, -possessive[0].length);
  if (/[^.A-Z]{3}\.$/.test(run) || /[a-z]{2}\.$/.test(run)) run = run.slice(0, -1);
  return { text: run, start, end: start + run.length };
}

/** Drops sentence-initial function words ("But", "The") from a run. */
export function stripFunctionCaps(run: string): string {
  const words = run.split(" ");
  while (words.length > 0 && FUNCTION_CAPS.has(words[0]!)) words.shift();
  return words.join(" ");
}

const DIRECTIONS =
  /^(North|South|East|West|Northern|Southern|Eastern|Western|Central|New|Upper|Lower|Greater)$/;

/** Person, organisation, place or other for a capitalised run, from its words alone. */
export function classifyRun(run: string): EntityKind {
  const words = run.split(" ").filter((w) => !CONNECTORS.has(w));
  if (words.length === 0) return "other";
  const lowered = run.toLowerCase();
  const whole = tagsOf(lowered);
  if (whole.includes("Organization")) return "org";
  if (words.length > 1 && whole.some((t) => /City|Country|Region|Place/.test(t))) return "place";
  const titledAt = run.split(" ").findLastIndex((w) => TITLE_WORDS.has(w.toLowerCase()));
  const titledTail = titledAt >= 0 ? run.split(" ").slice(titledAt + 1) : [];
  if (titledTail.length >= 2 && titledTail.length <= 4 && titledTail.every(isNameShaped))
    return "person";
  if (words.some((w) => isOrgWord(w.replace(/\.$/, "")))) return "org";
  if (words.length === 1 && ACRONYM_PLACES.has(run)) return "place";
  if (words.length === 1 && /^[A-Z]{2,6}$/.test(run)) return "org";
  if (words.length === 1 && DIRECTIONS.test(words[0]!)) return "other";
  if (words.every((w) => isPlaceName(w) || DIRECTIONS.test(w))) {
    return words.some((w) => tagsOf(w).includes("Demonym")) ? "other" : "place";
  }
  const titled = words.findLastIndex((w) => TITLE_WORDS.has(w.toLowerCase()));
  if (titled >= 0 && titled < words.length - 1 && words.slice(titled + 1).every(isNameShaped))
    return "person";
  if (isFirstName(words[0]!) && words.length > 1 && words.length < 5) return "person";
  const named = splitTitle(run).name.split(" ");
  if (
    named.length >= 2 &&
    named.length < words.length &&
    isFirstName(named[0]!) &&
    named.every(isNameShaped)
  )
    return "person";
  if (isPlaceWord(words.at(-1)!) && words.length > 1 && !isFirstName(words[0]!)) return "place";
  if (words.length >= 2 && words.length <= 4 && words.every(looksLikeNamePart)) return "person";
  return "other";
}

/** A capitalised word shaped like part of a name ("Sang-min", "O'Brien", "J."). */
export const isNameShaped = (word: string) =>
  /^[\p{Lu}][\p{Ll}'’-]+$|^[A-Z]\.$|^[\p{Lu}][\p{Ll}]+[\p{Lu}][\p{Ll}]+$/u.test(word);

function looksLikeNamePart(word: string): boolean {
  if (!/^[\p{Lu}][\p{Ll}'’-]+$|^[A-Z]\.$/u.test(word)) return false;
  const tags = tagsOf(word);
  if (tags.length === 0 || isFirstName(word) || tags.includes("LastName")) return true;
  return false;
}

/** A person's name and the title words in front of it ("Russian President" / "Vladimir Putin"). */
export function splitTitle(run: string): { name: string; title?: string; gender?: "m" | "f" } {
  const words = run.split(" ");
  let cut = -1;
  let gender: "m" | "f" | undefined;
  for (let i = 0; i < words.length - 1; i++) {
    const word = words[i]!.toLowerCase();
    if (TITLE_WORDS.has(word)) cut = i;
    gender = HONORIFIC_GENDER[word] ?? gender;
  }
  // "Hydrologist Sarah Klein", "Resident Paul Ostrowski": a common word before a given name.
  const firstName = words.findIndex(
    (w, i) => i > cut && i > 0 && isFirstName(w) && words.length - i >= 2 && words.length - i <= 3,
  );
  if (firstName > 0 && words.slice(cut + 1, firstName).every((w) => !isFirstName(w)))
    cut = firstName - 1;
  const nameWords = cut >= 0 ? words.slice(cut + 1) : words;
  const honorific = cut >= 0 && HONORIFIC_GENDER[words[cut]!.toLowerCase()] !== undefined;
  const title = cut >= 0 && !honorific ? words.slice(0, cut + 1).join(" ") : undefined;
  const name = nameWords.join(" ");
  const given = nameWords[0]!;
  const givenNameFirst =
    nameWords.length > 1 && !NAME_PARTICLES.has(given) && !FAMILY_FIRST.has(given);
  gender ??= givenNameFirst ? genderOfFirstName(given) : undefined;
  return { name, ...(title ? { title } : {}), ...(gender ? { gender } : {}) };
}
