/** A template id from a human name: "Weekly Sitrep (EU)" → "weekly-sitrep-eu". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 56)
    .replace(/-+$/, "");
  return slug || "template";
}

/** The first of `base`, `base-2`, `base-3`... that `taken` says is free. */
export async function uniqueId(
  base: string,
  taken: (id: string) => Promise<boolean>,
): Promise<string> {
  if (!(await taken(base))) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!(await taken(id))) return id;
  }
}
