/** A person met in an article, under the fullest form of their name seen so far. */
export interface Person {
  name: string;
  role?: string;
  gender?: "m" | "f";
}

const tokens = (name: string) => name.toLowerCase().split(/[\s]+/);

/**
 * The people of one article. A surname alone ("Hong", "Tikhonov") resolves to the full name
 * met earlier ("Hong Min"); a full name arriving later upgrades an earlier bare surname.
 */
export class PersonBook {
  readonly people: Person[] = [];

  /** The person a name refers to, if already met: exact match, then any shared name token. */
  find(name: string): Person | undefined {
    const wanted = name.toLowerCase();
    const exact = this.people.find((p) => p.name.toLowerCase() === wanted);
    if (exact) return exact;
    const parts = tokens(name);
    if (parts.length === 1) {
      const bySurname = this.people.findLast((p) => tokens(p.name).at(-1) === parts[0]);
      return bySurname ?? this.people.findLast((p) => tokens(p.name).includes(parts[0]!));
    }
    return this.people.find((p) => {
      const known = tokens(p.name);
      return known.length === 1 && parts.includes(known[0]!);
    });
  }

  /** Records a mention, returning the person it resolves to; fills in role and gender. */
  meet(name: string, role?: string, gender?: "m" | "f"): Person {
    const known = this.find(name);
    if (!known) {
      const person: Person = { name, ...(role ? { role } : {}), ...(gender ? { gender } : {}) };
      this.people.push(person);
      return person;
    }
    if (tokens(name).length > tokens(known.name).length) known.name = name;
    if (role && !known.role) known.role = role;
    if (gender && !known.gender) known.gender = gender;
    return known;
  }
}
