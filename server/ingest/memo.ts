const caches: Map<string, unknown>[] = [];

/**
 * Memoises a pure function of a string: the pipeline asks for the sentences and capitalised
 * runs of the same paragraph from several passes. Results must not be mutated. Caches live for
 * one extraction (see `forgetMemos`), so memory stays flat and benchmarks stay honest.
 */
export function memoByText<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  caches.push(cache);
  return (text: string) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const value = fn(text);
    cache.set(text, value);
    return value;
  };
}

/** Empties every memo cache; called at the start and end of each extraction. */
export function forgetMemos(): void {
  for (const cache of caches) cache.clear();
}
