/*
 * How a brief names the speaker of a quotation it holds: an attribution such as
 * "— Hong Min, senior analyst", after the quotation or as a line of its own. The source check
 * reads it to compare speakers; the editor's "restore source speaker" rewrites the same name.
 */
const ATTRIBUTION = /^\s*["'”’»]?\s*(?:[—–―]|--?(?=\s))\s*([^,;(\n]+)/;

/** The name an attribution at the start of `text` gives, and where it starts; null if none. */
export function attributionAt(text: string): { name: string; start: number } | null {
  const match = ATTRIBUTION.exec(text);
  const raw = match?.[1];
  if (!match || !raw) return null;
  const name = raw.trim().replace(/[.:]+$/, "");
  if (!name) return null;
  return { name, start: match[0].length - raw.length + (raw.length - raw.trimStart().length) };
}

/**
 * A role after the name ("— Hong Min, senior analyst"): it runs from the comma to the end of
 * the text or of the sentence. Ends just after the name at `nameEnd` with no role.
 */
export function attributionEnd(text: string, nameEnd: number): number {
  const role = /^,[^\S\n]*.+?(?=[^\S\n]*(?:[;()\n"“”]|\.\s+\p{Lu}|\.?\s*$))/u.exec(
    text.slice(nameEnd),
  );
  return nameEnd + (role?.[0].length ?? 0);
}

/** The name an attribution at the start of `text` gives, or null when there is none. */
export function attributionName(text: string): string | null {
  return attributionAt(text)?.name ?? null;
}

/** True for a line that is only an attribution ("— Name, role"). */
export function isAttributionLine(text: string): boolean {
  return /^\s*(?:[—–―]|--?(?=\s))/.test(text) && attributionAt(text) !== null;
}
