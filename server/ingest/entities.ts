import type { Entities } from "../schema/article.ts";
import { capitalRuns, classifyRun, splitTitle, stripFunctionCaps } from "./names.ts";
import { type Person, PersonBook } from "./people.ts";

function addOnce(list: string[], name: string): void {
  const lower = name.toLowerCase();
  if (!list.some((n) => n.toLowerCase() === lower)) list.push(name);
}

/**
 * People, organisations and places named in the body, in order of first mention. People are
 * deduplicated through the article's PersonBook, so "Hong" counts as "Hong Min".
 */
export function findEntities(paragraphs: string[], speakers: Person[]): Entities {
  const book = new PersonBook();
  for (const person of speakers) book.meet(person.name);
  const order: Person[] = [];
  const orgs: string[] = [];
  const places: string[] = [];
  for (const paragraph of paragraphs) {
    for (const run of capitalRuns(paragraph)) {
      const text = stripFunctionCaps(run.text);
      if (!text) continue;
      const kind = classifyRun(text);
      if (kind === "org") addOnce(orgs, text);
      else if (kind === "place") addOnce(places, text);
      else {
        const name = splitTitle(text).name;
        const known = book.find(name);
        if (kind === "person" || (known && !name.includes(" "))) {
          const person = book.meet(known && !name.includes(" ") ? known.name : name);
          if (!order.includes(person)) order.push(person);
        }
      }
    }
  }
  const people: string[] = [];
  for (const person of order) addOnce(people, person.name);
  return { people, orgs, places };
}
