import { isOrgWord, tagsOf } from "./lexicon.ts";
import {
  capitalRuns,
  classifyRun,
  isNameShaped,
  splitTitle,
  stripFunctionCaps,
  TITLE_WORDS,
} from "./names.ts";

/** What an attribution's words name: a pronoun, a person, or a description/organisation. */
export type SpeakerRef =
  | { kind: "pronoun"; pronoun: "he" | "she" | "they" | "it" }
  | { kind: "person"; name: string; title?: string; gender?: "m" | "f" }
  | { kind: "label"; label: string; org: boolean; plural: boolean };

const PRONOUNS = /^(he|she|they|it)$/i;
const JUNK_START =
  /^(?:and|but|or|so|then|to|of|in|on|at|by|for|with|as|that|which|who|late|later|also|not|had|has|was|were|is|are|been|said|told)\b/i;
const JUNK_END =
  /\b(?:and|but|or|to|of|in|on|at|by|for|with|as|that|which|who|the|a|an|late|then|also|not)$/i;
const isOrgPhrase = (text: string) =>
  text.split(" ").some((w) => isOrgWord(w)) ||
  capitalRuns(text).some((r) => classifyRun(r.text) === "org");
const NOT_SPEAKERS = /^(?:i|we|you|this|that|there|which|what|who|one|some|many|others?|it all)$/i;

function descriptorRole(words: string): string | undefined {
  const cleaned = words.replace(/^(?:the|a|an)\s+/i, "").trim();
  if (!cleaned) return undefined;
  const hasRoleWord = cleaned
    .split(" ")
    .some((w) => TITLE_WORDS.has(w.toLowerCase()) || /^[\p{Ll}]/u.test(w));
  return hasRoleWord ? cleaned : undefined;
}

function label(phrase: string): SpeakerRef {
  const words = phrase.split(" ");
  const first = words[0]!;
  const common =
    /^(?:The|A|An|One|Some|Two|Three|Several|Many)$/.test(first) ||
    (tagsOf(first).length > 0 && classifyRun(first) === "other" && !/['’]s$/.test(first));
  const text = common ? first.toLowerCase() + phrase.slice(first.length) : phrase;
  const head = words.at(-1)!.toLowerCase();
  const org = isOrgWord(head) || capitalRuns(phrase).some((r) => classifyRun(r.text) === "org");
  const plural = !org && /(?:[^s]s|people|police)$/.test(head);
  return { kind: "label", label: text, org, plural };
}

/** Reads the words of an attribution into a speaker reference; null when they name no one. */
export function readSpeakerPhrase(raw: string): SpeakerRef | null {
  const phrase = raw.trim().replace(/^[,\s—–-]+|[,\s—–-]+$/g, "");
  if (!phrase || NOT_SPEAKERS.test(phrase) || phrase.split(" ").length > 12) return null;
  const pronoun = PRONOUNS.exec(phrase)?.[1];
  if (pronoun) return { kind: "pronoun", pronoun: pronoun.toLowerCase() as "he" };
  if (!/\p{L}{2}/u.test(phrase) || JUNK_START.test(phrase) || JUNK_END.test(phrase)) return null;
  const affiliated = /^(.*?[\p{Lu}][\p{L}'’.-]+) (?:of|from|at) ((?:the )?[\p{Lu}].*)$/u.exec(
    phrase,
  );
  if (affiliated && !isOrgPhrase(affiliated[1]!)) {
    const ref = readSpeakerPhrase(affiliated[1]!);
    if (ref?.kind === "person")
      return { ...ref, title: ref.title ?? affiliated[2]!.replace(/^the /, "") };
  }
  const run = capitalRuns(phrase).at(-1);
  if (run && run.end === phrase.length) {
    const text = stripFunctionCaps(run.text);
    const kind = classifyRun(text);
    const single = !text.includes(" ");
    const nameShaped = text
      .split(" ")
      .every(
        (w) =>
          isNameShaped(w) &&
          !tagsOf(w).some((t) => /Demonym|WeekDay|Month|Pronoun|Determiner/.test(t)),
      );
    const singleIsName = single && tagsOf(text).every((t) => /Name|Person|ProperNoun/.test(t));
    if (
      text &&
      (kind === "person" || (kind === "other" && nameShaped && (!single || singleIsName)))
    ) {
      const { name, title, gender } = splitTitle(text);
      const role =
        [descriptorRole(phrase.slice(0, run.start)), title].filter(Boolean).join(" ") || undefined;
      return {
        kind: "person",
        name,
        ...(role ? { title: role } : {}),
        ...(gender ? { gender } : {}),
      };
    }
  }
  return label(phrase);
}
