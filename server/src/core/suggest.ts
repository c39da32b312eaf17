/** Levenshtein edit distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * The closest candidate, by the Cite extension's rule for attribute suggestions: distance at most 1, or at
 * most half the suggestion's length; only for inputs of 20 characters or fewer.
 */
export function closestName(input: string, candidates: readonly string[]): string | undefined {
  if (input.length > 20) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(input.toLowerCase(), c);
    if ((d <= 1 || d <= c.length / 2) && d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
