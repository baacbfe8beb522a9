/** Who this browser is in a brief: the name and colour others see on carets and avatars. */
export interface Identity {
  name: string;
  color: string;
}

const KEY = "briefroom:identity";

/** Calm, distinguishable caret colours that keep white label text readable. */
export const PALETTE = [
  "#2563eb",
  "#c2410c",
  "#0f766e",
  "#9333ea",
  "#be123c",
  "#4d7c0f",
  "#0369a1",
  "#a16207",
] as const;

const ADJECTIVES = ["Amber", "Brisk", "Calm", "Deft", "Keen", "Lucid", "Quiet", "Sharp", "Steady"];
const NOUNS = ["Analyst", "Editor", "Reader", "Drafter", "Reviewer", "Scribe", "Writer"];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A friendly placeholder identity until the person names themselves. */
export function randomIdentity(random: () => number = Math.random): Identity {
  return {
    name: `${pick(ADJECTIVES, random)} ${pick(NOUNS, random)}`,
    color: pick(PALETTE, random),
  };
}

/** Parses a stored identity, or null when it is missing or malformed. */
export function parseIdentity(raw: string | null): Identity | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Identity>;
    if (typeof value.name !== "string" || !value.name.trim()) return null;
    if (typeof value.color !== "string" || !/^#[0-9a-f]{6}$/i.test(value.color)) return null;
    return { name: value.name.trim().slice(0, 60), color: value.color };
  } catch {
    return null;
  }
}

/** This browser's identity, created and remembered on first use. */
export function loadIdentity(): Identity {
  const stored = parseIdentity(localStorage.getItem(KEY));
  if (stored) return stored;
  const fresh = randomIdentity();
  localStorage.setItem(KEY, JSON.stringify(fresh));
  return fresh;
}

export function saveIdentity(identity: Identity): void {
  localStorage.setItem(KEY, JSON.stringify(identity));
}

/** Initials for an avatar: "Ada Lovelace" → "AL". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [parts[0] ?? "?"];
  return letters
    .map((p) => (p ?? "").slice(0, parts.length > 1 ? 1 : 2))
    .join("")
    .toUpperCase();
}
