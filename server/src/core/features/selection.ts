/**
 * Smart selection: from the innermost node at the cursor outward through its ancestors (parameter value,
 * parameter, template, ref body, ref, paragraph...). A quoted attribute value first selects its text
 * without the quotes.
 */
import type { Analysis } from '../analysis';
import type { SyntaxNode } from '../parser/nodes';
import type { Span } from './types';

/** For each offset, the chain of enclosing ranges, innermost first (ranges that repeat the one inside are skipped). */
export function selectionRanges(a: Analysis, offsets: number[]): Span[][] {
  return offsets.map((offset) => selectionRangeAt(a, offset));
}

function selectionRangeAt(a: Analysis, offset: number): Span[] {
  const src = a.text;
  const spans: { start: number; end: number }[] = [];
  const leaf = innermostAt(a.doc, offset);
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

/**
 * The deepest node holding the offset: a child with `start <= offset < end`, else (at the end of a
 * container) the child that ends there, so a cursor just after `}}` still selects the template.
 */
function innermostAt(root: SyntaxNode, offset: number): SyntaxNode {
  let node = root;
  for (;;) {
    const ch = node.children;
    if (!ch || ch.length === 0) return node;
    // Binary search for the last child starting at or before the offset.
    let lo = 0, hi = ch.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ch[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    let c = ch[lo];
    // An empty node (a parameter with no value) selects nothing: take the node that ends there.
    if (c.start === c.end && lo > 0) c = ch[lo - 1];
    if (c.start > offset || c.end < offset) return node;
    node = c;
  }
}
