import { editDistance } from './text';

export { editDistance };

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
