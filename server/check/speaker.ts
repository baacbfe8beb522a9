import type { Problem } from "../schema/check.ts";
import type { ProblemBase } from "./wording.ts";

/** Titles a brief may put before a name that the snippet's speaker leaves out, or vice versa. */
const TITLES = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "professor",
  "president",
  "prime",
  "minister",
  "gen",
  "general",
  "sir",
  "dame",
  "the",
]);

function nameWords(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[‐‑‒–—―−]/g, "-")
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter((w) => w && !TITLES.has(w.replace(/\.$/, "")));
}

/**
 * The same speaker, allowing a shorter form of the name: "Hong" or "Mr Hong" is "Hong Min";
 * "Putin" is not. Compared without case, accents or titles.
 */
export function sameSpeaker(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  if (!x.length || !y.length) return x.length === y.length;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.every((w) => long.includes(w));
}

/**
 * `wrong_speaker` problems for each name the brief gives a quotation that is not its
 * snippet's speaker (a name given to a snippet with no speaker is wrong too: the source does
 * not support it).
 */
export function speakerProblems(
  names: readonly string[],
  { speaker, speakerRole }: { speaker?: string | undefined; speakerRole?: string | undefined },
  base: ProblemBase,
): Problem[] {
  const seen = new Set<string>();
  return names.flatMap((found) => {
    const key = nameWords(found).join(" ");
    if (seen.has(key) || (speaker && sameSpeaker(found, speaker))) return [];
    seen.add(key);
    return [
      {
        kind: "wrong_speaker" as const,
        ...base,
        ...(speaker ? { expected: speaker } : {}),
        ...(speaker && speakerRole ? { expectedRole: speakerRole } : {}),
        found,
      },
    ];
  });
}
