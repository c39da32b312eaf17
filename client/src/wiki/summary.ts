/**
 * The edit summary prefilled in Publish: what the tool's own checks say was fixed between the revision opened and
 * the text being published ("Fixed 19 citation problems: missing access-date (12), ..."). Pure: runs the core
 * linter on both texts and compares the counts per rule.
 */
import { lint } from '../../../server/src/core/lint/lint';

/** A short phrase for a rule id: `cite-missing-access-date` -> `missing access-date`. */
export function rulePhrase(rule: string): string {
  return rule.replace(/^(cite|ref|cs1|template|links?|policy)-/, '').replace(/-/g, ' ').replace(/\baccess date\b/, 'access-date').replace(/\barchive (url|date)\b/g, 'archive-$1').replace(/\burl status\b/, 'url-status').replace(/\bdead url\b/, 'dead-url');
}

/** Counts of problems per rule that went away, most first. */
export function fixedCounts(before: string, after: string): [string, number][] {
  const count = (text: string) => {
    const m = new Map<string, number>();
    for (const d of lint(text).diagnostics) m.set(d.rule, (m.get(d.rule) ?? 0) + 1);
    return m;
  };
  const a = count(before);
  const b = count(after);
  const out: [string, number][] = [];
  for (const [rule, n] of a) {
    const gone = n - (b.get(rule) ?? 0);
    if (gone > 0) out.push([rule, gone]);
  }
  return out.sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
}

/** The summary, or '' when the checks see nothing fixed. Kept under the wiki's 500-character limit. */
export function summaryOfFixes(before: string, after: string): string {
  const fixed = fixedCounts(before, after);
  if (!fixed.length) return '';
  const total = fixed.reduce((s, [, n]) => s + n, 0);
  const what = fixed.map(([rule, n]) => (fixed.length === 1 ? rulePhrase(rule) : `${rulePhrase(rule)} (${n})`)).join(', ');
  const s = `Fixed ${total} citation problem${total === 1 ? '' : 's'}: ${what} (wikitext-lint)`;
  return s.length > 490 ? `${s.slice(0, 487)}...` : s;
}
