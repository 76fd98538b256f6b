/** Which of our languages a browser prefers (pure, so it is tested without a browser). */

/** The first of `preferred` whose primary subtag is one of `known`, else `fallback`. */
export function browserLanguage<K extends string>(preferred: readonly string[], known: readonly K[], fallback: K): K {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    const match = known.find((key) => key === primary);
    if (match) return match;
  }
  return fallback;
}
