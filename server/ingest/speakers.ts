import { type Attribution, findAttributions } from "./attribution.ts";
import { genderOfRole } from "./gender.ts";
import { capitalRuns, classifyRun, splitTitle, stripFunctionCaps } from "./names.ts";
import { type Person, PersonBook } from "./people.ts";
import { findQuotes, isMentionNotSpeech, maskQuotes, type QuoteSpan } from "./quotes.ts";
import { roleFromAppositive } from "./roles.ts";
import { type Span, splitSentencesOutside } from "./sentences.ts";
import { readSpeakerPhrase, type SpeakerRef } from "./speaker-phrase.ts";
import { describeUnnamed } from "./unnamed-label.ts";

/** A quotation with the person or body it is attributed to. */
export interface AttributedQuote {
  paragraph: number;
  span: QuoteSpan;
  speaker?: string;
  role?: string;
}

interface Speaker {
  name: string;
  person?: Person;
}

type Salient = { person: Person } | { label: string; org: boolean; plural: boolean };

const ROLE_THEN_NAME =
  /(?:^|[.;] )((?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[\p{Lu}][\p{L}]*['’]s)(?: [\p{Ll}][\p{L}-]*){1,4}), ([\p{Lu}][\p{L}'’-]+(?: [\p{Lu}][\p{L}'’-]+){0,3}),/gu;
const LOCATIVE = /\b(?:in|near|outside|across|around|(?:north|south|east|west) of)\s+$/i;
const APPOSITIVE_ROLE =
  /([\p{Lu}][\p{L}'’.-]+(?: [\p{Lu}][\p{L}'’.-]+)*), ((?:a|an|the) [^,"]{3,120}?),/gu;

/** One pass over the body, tracking who was last named so pronouns and surnames resolve. */
class Discourse {
  readonly book = new PersonBook();
  readonly recent: Salient[] = [];
  lastSpeaker: { speaker: Speaker; paragraph: number } | undefined;
  readonly seen: string[] = [];

  private people(): Person[] {
    return this.recent.flatMap((s) => ("person" in s ? [s.person] : [])).reverse();
  }

  private pronoun(pronoun: string): Speaker | undefined {
    if (pronoun === "he" || pronoun === "she") {
      const other = pronoun === "he" ? "f" : "m";
      const people = this.people();
      const match = people.find((p) => p.gender !== other) ?? people[0];
      if (match && !match.gender) match.gender = other === "f" ? "m" : "f";
      return match ? { name: match.name, person: match } : undefined;
    }
    const wanted =
      pronoun === "it"
        ? (s: Salient) => "org" in s && s.org
        : (s: Salient) => "plural" in s && (s.plural || s.org);
    const match = this.recent.findLast(wanted);
    return match && "label" in match ? { name: match.label } : undefined;
  }

  resolve(ref: SpeakerRef, attribution: Attribution): Speaker | undefined {
    if (ref.kind === "pronoun") return this.pronoun(ref.pronoun);
    if (ref.kind === "person") {
      const role = roleFromAppositive(attribution.appositive) ?? ref.title;
      const person = this.book.meet(ref.name, role, ref.gender ?? genderOfRole(role));
      return { name: person.name, person };
    }
    const phrase = attribution.phrase.trim();
    const surname = /^[\p{Lu}][\p{L}'’-]+$/u.test(phrase) ? this.book.find(phrase) : undefined;
    if (surname) return { name: surname.name, person: surname };
    const theOrg = /^the (\w+)$/i.exec(ref.label)?.[1]?.toLowerCase();
    const known = theOrg
      ? this.recent.findLast((s) => "label" in s && s.org && s.label.toLowerCase().endsWith(theOrg))
      : undefined;
    if (known && "label" in known) return { name: known.label };
    return { name: describeUnnamed(ref.label, this.seen.join("\n")) };
  }

  /** Notes the people and organisations a sentence names outside quotations. */
  mention(sentence: string): void {
    for (const run of capitalRuns(sentence)) {
      const text = stripFunctionCaps(run.text);
      if (!text) continue;
      const kind = classifyRun(text);
      const { name, title, gender } = splitTitle(text);
      const known = kind === "other" || kind === "person" ? this.book.find(name) : undefined;
      const located = LOCATIVE.test(sentence.slice(Math.max(0, run.start - 20), run.start));
      if ((kind === "person" && !located) || known) {
        const person = this.book.meet(
          known && !name.includes(" ") ? known.name : name,
          title,
          gender ?? genderOfRole(title),
        );
        this.recent.push({ person });
      } else if (kind === "org") this.recent.push({ label: text, org: true, plural: false });
    }
    for (const [, name, appositive] of sentence.matchAll(APPOSITIVE_ROLE)) {
      const person = this.book.find(splitTitle(name!).name);
      const role = roleFromAppositive(appositive);
      if (person && role) {
        person.role ??= role;
        person.gender ??= genderOfRole(role);
      }
    }
    for (const [, descriptor, name] of sentence.matchAll(ROLE_THEN_NAME)) {
      const role = roleFromAppositive(descriptor);
      const { name: bare, gender } = splitTitle(name!);
      if (role)
        this.recent.push({
          person: this.book.meet(bare, role, gender ?? genderOfRole(descriptor)),
        });
    }
    const subject = /^(?:[^"\uE000]*?, )?(He|She) /.exec(sentence)?.[1];
    if (subject) this.pronoun(subject.toLowerCase());
  }

  promote(speaker: Speaker): void {
    if (speaker.person) this.recent.push({ person: speaker.person });
    else {
      const ref = readSpeakerPhrase(speaker.name);
      if (ref?.kind === "label")
        this.recent.push({ label: speaker.name, org: ref.org, plural: ref.plural });
    }
  }
}

function pick(attributions: { attribution: Attribution; speaker: Speaker }[], quote: Span) {
  const distance = (a: Attribution) => (a.at < quote.start ? quote.start - a.at : a.at - quote.end);
  return attributions
    .slice()
    .sort(
      (x, y) =>
        Number(y.attribution.strong) - Number(x.attribution.strong) ||
        distance(x.attribution) - distance(y.attribution),
    )[0];
}

type Found = { sentence: Span; attribution: Attribution; speaker: Speaker };

function readParagraph(
  discourse: Discourse,
  text: string,
  spans: QuoteSpan[],
  paragraph: number,
): Found[] {
  const masked = maskQuotes(text, spans);
  const found: Found[] = [];
  for (const sentence of splitSentencesOutside(text, spans)) {
    const part = masked.slice(sentence.start, sentence.end);
    for (const attribution of findAttributions(part)) {
      const ref = readSpeakerPhrase(attribution.phrase);
      const speaker = ref ? discourse.resolve(ref, attribution) : undefined;
      if (!speaker) continue;
      found.push({
        sentence,
        attribution: { ...attribution, at: attribution.at + sentence.start },
        speaker,
      });
      discourse.promote(speaker);
    }
    discourse.mention(part);
  }
  discourse.seen.push(masked);
  const last = found.at(-1);
  if (last) discourse.lastSpeaker = { speaker: last.speaker, paragraph };
  return found;
}

/**
 * Finds every quotation in the body paragraphs and attributes it: a speech verb in the same
 * sentence first, then a split quote's attribution in the same paragraph, then (for a
 * paragraph opening with a quotation and no attribution) the speaker named last.
 */
export function attributeQuotes(paragraphs: string[], headings: ReadonlySet<number>) {
  const discourse = new Discourse();
  const quotes: (AttributedQuote & { person?: Person })[] = [];
  paragraphs.forEach((text, paragraph) => {
    if (headings.has(paragraph)) return;
    const spans = findQuotes(text);
    const before = discourse.lastSpeaker;
    const found = readParagraph(discourse, text, spans, paragraph);
    let previous: Speaker | undefined;
    for (const span of spans.filter((s) => !isMentionNotSpeech(text, s))) {
      const quote = { start: span.open, end: span.close };
      const inSentence = found.filter(
        (f) => f.sentence.start <= span.open && span.open < f.sentence.end,
      );
      let speaker = pick(inSentence, quote)?.speaker ?? previous ?? pick(found, quote)?.speaker;
      const opensParagraph = text.slice(0, span.open).trim() === "";
      if (!speaker && opensParagraph && before && paragraph - before.paragraph <= 2)
        speaker = before.speaker;
      previous = speaker;
      quotes.push({
        paragraph,
        span,
        ...(speaker ? { speaker: speaker.name, person: speaker.person } : {}),
      });
    }
    if (previous && !found.length) discourse.lastSpeaker = { speaker: previous, paragraph };
  });
  runOnQuotesTakeTheNextSpeaker(quotes, paragraphs);
  return {
    quotes: quotes.map(({ person, ...q }) =>
      person?.role
        ? { ...q, speaker: person.name, role: person.role }
        : person
          ? { ...q, speaker: person.name }
          : q,
    ),
    people: discourse.book.people,
  };
}

/** A quote left open at a paragraph's end continues in the next one, which names its speaker. */
function runOnQuotesTakeTheNextSpeaker(
  quotes: (AttributedQuote & { person?: Person })[],
  paragraphs: string[],
): void {
  for (let i = quotes.length - 2; i >= 0; i--) {
    const quote = quotes[i]!;
    const next = quotes[i + 1]!;
    const continues =
      next.paragraph === quote.paragraph + 1 &&
      paragraphs[next.paragraph]!.slice(0, next.span.open).trim() === "";
    if (!quote.span.closed && continues && next.speaker) {
      quote.speaker = next.speaker;
      quote.person = next.person;
    }
  }
}
