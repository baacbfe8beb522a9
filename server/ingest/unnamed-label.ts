const IRREGULAR: Record<string, string> = {
  people: "person",
  men: "man",
  women: "woman",
  children: "child",
  police: "police officer",
};

function singular(noun: string): string {
  const lower = noun.toLowerCase();
  if (IRREGULAR[lower]) return IRREGULAR[lower]!;
  if (/ies$/.test(noun)) return `${noun.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x)es$/.test(noun)) return noun.slice(0, -2);
  return noun.replace(/s$/, "");
}

const article = (words: string) =>
  /^[aeiou]/i.test(words) && !/^(?:uni|eu|one)/i.test(words) ? "an" : "a";

/**
 * A descriptive label for an unnamed speaker: "one of the soldiers" becomes
 * "a North Korean soldier" when the article spoke of "North Korean soldiers" before.
 */
export function describeUnnamed(phrase: string, earlierText: string): string {
  const match = /^one of (?:the|its|their|his|her|our|those|these)\s+(.+)$/i.exec(phrase);
  if (!match) return phrase;
  const group = match[1]!;
  const escaped = group.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const modifiers = [
    ...earlierText.matchAll(new RegExp(`((?:[A-Z][\\w'’-]*\\s+){1,3})${escaped}\\b`, "g")),
  ];
  const modifier = modifiers
    .at(-1)?.[1]
    ?.trim()
    .split(" ")
    .filter((w) => !/^(?:The|A|An|In|Of)$/.test(w))
    .join(" ");
  const words = group.split(" ");
  const noun = [...words.slice(0, -1), singular(words.at(-1)!)].join(" ");
  const described = modifier ? `${modifier} ${noun}` : noun;
  return `${article(described)} ${described}`;
}
