import { isActorNoun, isVerb } from "./lexicon.ts";
import { MASK } from "./quotes.ts";

/** A speech verb found in a sentence, with the words naming who spoke. */
export interface Attribution {
  /** Offset of the verb in the sentence. */
  at: number;
  /** The words naming the speaker ("Hong Min", "he", "Seoul's spy agency"). */
  phrase: string;
  /** What follows the name between commas ("a senior analyst at ..."). */
  appositive?: string;
  /** True for verbs that almost always report speech ("said", "told"). */
  strong: boolean;
  /** True when the name was read out of "Name, role," or "role, Name," commas. */
  apposed?: boolean;
}

const STRONG =
  "said|says|say|saying|told|tells|telling|added|adds|adding|stated|states|explained|explains|explaining|noted|notes|noting|warned|warns|warning|wrote|writes|writing|asked|replied|replies|continued|insisted|insists|insisting|argued|argues|arguing|claimed|stressed|stresses|stressing|declared|declares|remarked|commented|observed|conceded|recalled|recalls|recalling|suggested|predicted|cautioned|urged|vowed|pledged|promised|tweeted|quipped|joked|lamented|complained|emphasi[sz]ed|emphasi[sz]ing|responded|countered|concluded|reiterated|shouted|whispered|recounted|testified|put it|according to|pointed out|went on";
const WEAK =
  "shrugged|laughed|smiled|sighed|nodded|called|calls|calling|described|describes|describing|dismissed|accused|slammed|hailed|praised|critici[sz]ed|confirmed|denied|announced|posted|acknowledged|admitted|agreed|branded|boasted|asks|adds|claims";
const VERB = new RegExp(`\\b(?:(${STRONG})|(${WEAK}))\\b`, "gi");

const AUXILIARIES =
  /\s+(?:also|later|then|further|previously|earlier|recently|once|has|have|had|was|were|is|are|would|will|could|might|may|did|does|appeared to|appears to|seemed to|went on to|quoted as|was quoted as|was heard to|heard to|reportedly|publicly|privately|separately|again|bluntly|simply|flatly|only|repeatedly|quickly|angrily|tearfully|proudly|not|has also|had also|who|which)$/i;
const TEMPORAL =
  /\s+(?:on|last|this|late|early|earlier|on the)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|afternoon|evening|weekend)\b|\s+(?:yesterday|today|tonight)\b/gi;
const SUBORDINATORS =
  /^(?:and|but|with|while|as|so|yet|though|although|because|when|after|since|if|whereas|where|that|then|meanwhile|instead|however|now|also)\s+/i;
const APPOSITIVE =
  /^(?:(?:a|an|the|who|whose|one of|himself|herself)\b|[0-9]+$|\p{Ll}+\s+(?:of|at|for|with|in)\b)/u;
const NAME_SEGMENT = /^(?:[\p{L}'’.-]+\s+){0,5}[\p{Lu}][\p{L}'’.-]*$/u;
const CLAUSE_STOP =
  /^(?:that|which|who|to|is|was|are|were|has|have|had|will|would|could|can|in|on|by|after|before|because|while|as|than|how|what|when|where|why|not)$/i;
const BOUNDARY = new RegExp(`["“”«»${MASK}:;]`);

function lastBoundary(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (BOUNDARY.test(text[i]!)) return i;
  return -1;
}

function stripAuxiliaries(segment: string): string {
  let out = segment.replace(TEMPORAL, "");
  for (let prev = ""; prev !== out; ) {
    prev = out;
    out = out.replace(AUXILIARIES, "").replace(SUBORDINATORS, "").trim();
  }
  return out;
}

/** Trailing noun-phrase-like words of a long clause ("... one of the soldiers"). */
function tailPhrase(segment: string): string {
  const words = segment.split(" ");
  if (words.length <= 5 && !words.some((w) => CLAUSE_STOP.test(w))) return segment;
  let i = words.length;
  while (i > 0 && words.length - i < 8) {
    const word = words[i - 1]!;
    if (
      CLAUSE_STOP.test(word) ||
      (/^[\p{Ll}]/u.test(word) && isVerb(word) && !/^(?:one|head|chief|leader)$/i.test(word))
    )
      break;
    i--;
  }
  return words.slice(i).join(" ");
}

function before(sentence: string, verbAt: number): Omit<Attribution, "at" | "strong"> | null {
  const pre = sentence.slice(lastBoundary(sentence.slice(0, verbAt)) + 1, verbAt);
  const segments = pre.split(/,(?=\s|$)/).map((s) => s.trim());
  while (segments.length > 0 && segments.at(-1) === "") segments.pop();
  if (segments.length === 0) return null;
  const last = stripAuxiliaries(segments.at(-1)!);
  const relative = /^(?:who|whose)\b/.test(last);
  const finite = /\b(?:is|are|was|were|has|have|had|will|would|could|can)\b/.test(last);
  if (
    segments.length >= 2 &&
    (relative || !finite) &&
    (APPOSITIVE.test(last) || isActorNoun(last.split(" ")[0]!))
  ) {
    const named = stripAuxiliaries(segments.at(-2)!);
    const capitals = named.split(" ").filter((w) => /^[\p{Lu}]/u.test(w)).length;
    if (
      NAME_SEGMENT.test(named) &&
      capitals * 2 >= named.split(" ").length &&
      !/\b[a-z]+(?:ed|s)\s+[A-Z]/.test(named)
    ) {
      return { phrase: tailPhrase(named), appositive: last, apposed: true };
    }
    const plain = !named.split(" ").some((w) => CLAUSE_STOP.test(w));
    if (named.split(" ").length <= 6 && plain && /^(?:one|a|an|the|another)\b/i.test(named))
      return { phrase: named, apposed: true };
  }
  const descriptor = segments.length >= 2 ? stripAuxiliaries(segments.at(-2)!) : "";
  if (
    NAME_SEGMENT.test(last) &&
    /^(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]he|[Aa]n?|[\p{Lu}][\p{L}]*['’]s)\s+[\p{Ll}]/u.test(
      descriptor,
    ) &&
    descriptor.split(" ").length <= 6
  ) {
    return { phrase: last, appositive: descriptor, apposed: true };
  }
  const phrase = tailPhrase(last);
  return phrase ? { phrase } : null;
}

function after(sentence: string, verbEnd: number): Omit<Attribution, "at" | "strong"> | null {
  const post = sentence.slice(verbEnd);
  const abbreviation = "(?<!\\b(?:Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep|Gov|Lt|Col|St|Jr|[A-Z]))";
  const np = new RegExp(
    `^\\s+((?:the|a|an|one|[\\p{Lu}])[^,;:!?"“”«»\\uE000]*?)(?=$|${abbreviation}\\.|[,;:!?"“”«»\\uE000]|\\s+(?:in|on|at|who|that|when|during|after|before|to|as|last|this|earlier)\\b)`,
    "u",
  ).exec(post);
  if (!np) return null;
  const rest = post.slice(np[0].length);
  const appositive =
    /^,\s*([^"“”«»\uE000;]+?)\s*(?:[.;!?]?\s*$|[.;]\s|,\s*(?:who|which|adding|saying)\b|[“"«\uE000])/u.exec(
      rest,
    )?.[1];
  return { phrase: np[1]!.trim(), ...(appositive ? { appositive } : {}) };
}

/**
 * Every speech verb outside the quotations of a masked sentence, each with its speaker phrase:
 * before the verb ("X said", "X, a role, told AFP") or after it ("said X, a role at Y",
 * "according to X").
 */
export function findAttributions(sentence: string): Attribution[] {
  const found: Attribution[] = [];
  for (const match of sentence.matchAll(VERB)) {
    const at = match.index;
    const end = at + match[0].length;
    const strong = match[1] !== undefined;
    const verb = match[0].toLowerCase();
    const pre = sentence.slice(lastBoundary(sentence.slice(0, at)) + 1, at);
    const invertible = !/^(?:told|tells|telling|saying|adding|stressing|noting|warning)$/.test(
      verb,
    );
    let parsed: Omit<Attribution, "at" | "strong"> | null;
    if (verb === "according to") parsed = after(sentence, end);
    else if (invertible && /(?:^|,)\s*$/.test(pre)) {
      const subject = before(sentence, at);
      const named =
        subject &&
        /(?:^|\s)(?:[\p{Lu}][\p{L}'’.-]*|he|she|they|it)$/u.test(subject.phrase) &&
        subject.phrase.split(" ").length <= 6;
      parsed = named || subject?.apposed ? subject : (after(sentence, end) ?? subject);
    } else parsed = before(sentence, at);
    if (parsed?.phrase) found.push({ at, strong, ...parsed });
  }
  return found;
}
