/**
 * Item lists: what the phases pass along (text leaves and the nodes already built). Text leaves merge as
 * they are added; nodes never change once made, so one leaf may sit in several lists.
 */
import { SyntaxNode } from './nodes';

/** A `[[...]]` pair found by the preprocessor; phase 2 decides whether it is a real link. */
export class LinkCandidate extends SyntaxNode {
  constructor(start: number, end: number, children: SyntaxNode[]) {
    super('Wikilink', start, end, children);
  }
}

/** The first `code` in `[from, to)`, or -1; never scans past `to` (an unbounded indexOf would make parsing quadratic). */
export function indexOfChar(src: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (src.charCodeAt(i) === code) return i;
  return -1;
}

/**
 * Appends a text range to an item list, merging with a preceding adjacent text leaf. Nodes are never
 * changed once made (a merge makes a new leaf), so one leaf may safely sit in several item lists.
 */
export function addText(items: SyntaxNode[], start: number, end: number): void {
  if (start >= end) return;
  const n = items.length;
  const last = n ? items[n - 1] : undefined;
  if (last !== undefined && last.type === 'Text' && last.end === start) items[n - 1] = new SyntaxNode('Text', last.start, end, null);
  else items.push(new SyntaxNode('Text', start, end, null));
}

/** Appends a node; a text leaf merges with a preceding adjacent one, else is appended as it is (no copy). */
export function addNode(items: SyntaxNode[], node: SyntaxNode): void {
  if (node.type === 'Text') {
    const n = items.length;
    const last = n ? items[n - 1] : undefined;
    if (last !== undefined && last.type === 'Text' && last.end === node.start) {
      items[n - 1] = new SyntaxNode('Text', last.start, node.end, null);
      return;
    }
  }
  items.push(node);
}

/** Appends nodes, merging adjacent text leaves. */
export function addItems(items: SyntaxNode[], nodes: SyntaxNode[]): void {
  for (let k = 0; k < nodes.length; k++) addNode(items, nodes[k]);
}

/** Concatenated text of the text leaves (comments and other nodes skipped). */
export function itemsText(src: string, items: SyntaxNode[]): string {
  let s = '';
  for (const n of items) if (n.type === 'Text') s += src.slice(n.start, n.end);
  return s;
}

/** Returns sub-lists of an item list by offsets, splitting text leaves at the edges. */
export class ItemSlicer {
  private idx = 0;
  constructor(private items: SyntaxNode[]) {}

  /** Index of the first item ending after `a`, searching on from the previous call (calls go left to right). */
  private seek(a: number): number {
    const items = this.items;
    let k = this.idx;
    if (k >= items.length || items[k].start > a) k = 0;
    while (k < items.length && items[k].end <= a) k++;
    this.idx = k;
    return k;
  }

  /** Items covering `[a, b)`; `a` and `b` must not fall inside a non-text node. Calls must go left to right. */
  slice(a: number, b: number): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    if (a >= b) return out;
    const items = this.items;
    for (let k = this.seek(a); k < items.length && items[k].start < b; k++) {
      const n = items[k];
      if (n.start >= a && n.end <= b) out.push(n);
      else if (n.type === 'Text') out.push(new SyntaxNode('Text', Math.max(a, n.start), Math.min(b, n.end), null));
      else out.push(n); // cannot happen for well-formed cuts; keep the node rather than lose text
    }
    return out;
  }

  /** Like `slice`, but appends straight to `out` (merging adjacent text leaves): no intermediate list. */
  appendTo(out: SyntaxNode[], a: number, b: number): void {
    if (a >= b) return;
    const items = this.items;
    for (let k = this.seek(a); k < items.length && items[k].start < b; k++) {
      const n = items[k];
      if (n.type === 'Text' && (n.start < a || n.end > b)) addText(out, Math.max(a, n.start), Math.min(b, n.end));
      else addNode(out, n);
    }
  }
}
