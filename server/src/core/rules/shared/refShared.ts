/** What several ref rules share: grouping refs by group and name, and the range a ref diagnostic points at. */
import type { RefUse } from '../../model';

// Ref names as the features write them too (core/refNames.ts): one definition each.
export { refKey, quoteRefName, reuseTag, suggestRefName } from '../../refNames';

/**
 * Key of a ref for definitions and reuses: group, name and the stretch of the page between two lists of that
 * group (Cite resets a group at each of its `<references>`).
 */
export function refScopeKey(r: { group: string; name: string | null; listSection: number }): string {
  return `${r.group}\u0000${r.name}\u0000${r.listSection}`;
}

/** The range to underline for a ref: its name value, else its open tag (or template). */
export function refRange(r: RefUse): { start: number; end: number } {
  if (r.nameNode) return { start: r.nameNode.start, end: r.nameNode.end };
  return { start: r.tagNode.start, end: r.tagNode.end };
}
