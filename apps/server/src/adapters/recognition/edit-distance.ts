/** The recogniser's next likeliest characters at one place of a reading, with their probabilities, likeliest first. */
export type Alternatives = [string, number][];

/** What replacing a character costs when the character put in was the recogniser's alternative there. */
export const ALTERNATIVE_COST = 0.5;

/**
 * Levenshtein distance: characters inserted, deleted or replaced to turn `a` into `b`. With the recogniser's
 * alternatives for the characters of `a`, a replacement by one of them costs half: 星姑区 is nearer to 皇姑区 than
 * to any other district when 皇 was the recogniser's second guess for 星.
 */
export function editDistance(a: string, b: string, alternatives: Alternatives[] = []): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    const others = alternatives[i - 1] ?? [];
    for (let j = 1; j <= b.length; j++) {
      const replace = a[i - 1] === b[j - 1] ? 0 : others.some(([char]) => char === b[j - 1]) ? ALTERNATIVE_COST : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + replace);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
