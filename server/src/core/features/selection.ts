/**
 * Smart selection: from the innermost node at the cursor outward through its ancestors (parameter value,
 * parameter, template, ref body, ref, paragraph...). A quoted attribute value first selects its text
 * without the quotes.
 */
import type { Analysis } from '../analysis';
import type { SyntaxNode } from '../parser/nodes';
import type { Span } from './types';
import { nodeAt } from '../text';

/** For each offset, the chain of enclosing ranges, innermost first (ranges that repeat the one inside are skipped). */
export function selectionRanges(a: Analysis, offsets: number[]): Span[][] {
  return offsets.map((offset) => selectionRangeAt(a, offset));
}

function selectionRangeAt(a: Analysis, offset: number): Span[] {
  const src = a.text;
  const spans: { start: number; end: number }[] = [];
  // the node at the cursor, or the one just before it (a cursor just after `}}` selects the template)
  const leaf = nodeAt(a.doc, offset, true);
  if (leaf.type === 'AttributeValue') {
    const q = src[leaf.start];
    if ((q === '"' || q === "'") && leaf.end - leaf.start >= 2 && src[leaf.end - 1] === q) spans.push({ start: leaf.start + 1, end: leaf.end - 1 });
  }
  for (let n: SyntaxNode | null = leaf; n; n = n.parent) spans.push({ start: n.start, end: n.end });

  // Innermost first; a range that repeats the one inside it is skipped.
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start === last.start && s.end === last.end) continue;
    out.push(s);
  }
  return out;
}
