/**
 * Quote marks, dashes and spaces reduced to one form each, so typography (curly or straight
 * marks, en or em dashes, non-breaking spaces) never counts as a change of wording.
 */
export function normaliseTypography(text: string): string {
  return text
    .replace(/[“”„‟«»″]/g, '"')
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[‐‑‒–—―−]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** The words of a quotation without the marks (and the spaces or commas) around them. */
export function stripOuterQuotes(text: string): string {
  return text.replace(/^[\s"“”„«»‘’']+/, "").replace(/[\s"“”»‘’',]+$/, "");
}

/** Text compared as the same block whatever its spacing: template guidance, for instance. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
