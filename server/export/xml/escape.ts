const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  '"': "&quot;",
  "'": "&apos;",
  "<": "&lt;",
  ">": "&gt;",
};

/**
 * Escapes text or an attribute value exactly as docx does (quotes included, control characters
 * dropped), so XML written here matches the bytes docx would write.
 */
export function esc(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids them; docx drops them too.
  return value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? "");
}
