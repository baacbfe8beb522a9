import { createRequire } from "node:module";
import type nlp from "compromise";

/**
 * compromise's word lexicon, used as a fast dictionary: first names (with gender), countries,
 * cities, organisation words and role nouns. Running the full compromise tagger over every
 * article costs ~50 ms per 1,000 words, far over budget, so we only look words up.
 */
interface Model {
  one: { lexicon: Record<string, string | string[]> };
  two: { orgWords: Record<string, boolean>; placeWords: Record<string, boolean> };
}

let loaded: Model | undefined;

/**
 * compromise's model, loaded on first use: it takes ~45 MB, which a server that only edits
 * briefs never needs (articles are read at import, and checked in export workers).
 */
function model(): Model {
  loaded ??= (
    createRequire(import.meta.url)("compromise") as typeof nlp
  ).model() as unknown as Model;
  return loaded;
}

/** The compromise tags of a word (lowercased), empty when unknown. */
export function tagsOf(word: string): string[] {
  const tags = model().one.lexicon[word.toLowerCase()];
  if (tags === undefined) return [];
  return Array.isArray(tags) ? tags : [tags];
}

const has = (word: string, ...wanted: string[]) => tagsOf(word).some((t) => wanted.includes(t));

/** True for given names compromise knows ("Vladimir", "Sarah"). */
export const isFirstName = (word: string) =>
  has(word, "MaleName", "FemaleName", "FirstName", "Person");

/** "m", "f" or undefined from compromise's gendered first-name lists. */
export function genderOfFirstName(word: string): "m" | "f" | undefined {
  const tags = tagsOf(word);
  if (tags.includes("MaleName") && !tags.includes("FemaleName")) return "m";
  if (tags.includes("FemaleName") && !tags.includes("MaleName")) return "f";
  return undefined;
}

/** Countries, cities, regions and other places compromise knows by name. */
export const isPlaceName = (word: string) =>
  has(word, "Country", "City", "Region", "Place", "Demonym");

/** Words that make a capitalised phrase an organisation ("Ministry", "Institute"). */
export const isOrgWord = (word: string) =>
  model().two.orgWords[word.toLowerCase()] === true || has(word, "Organization");

/** Words that make a capitalised phrase a place ("Peninsula", "Province"). */
export const isPlaceWord = (word: string) => model().two.placeWords[word.toLowerCase()] === true;

/** Role nouns ("analyst", "minister", "spokesman"). */
export const isActorNoun = (word: string) => has(word, "Actor");

/** Words the lexicon knows as verbs in any form. */
export const isVerb = (word: string) =>
  has(word, "PastTense", "PresentTense", "Infinitive", "Gerund", "Participle", "Modal");
