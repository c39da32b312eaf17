/**
 * Text helpers shared by the parser's users, the rules and the features, so that each is written once:
 * which characters are whitespace around a value, trimmed ranges, the node at an offset, month names, the
 * date format of an inserted date, and edit distance.
 */
import type { SyntaxNode } from './parser/nodes';

const UNICODE_SPACE = /\s/;

/**
 * Whitespace trimmed around names and values: ASCII whitespace (tab, newline, vertical tab, form feed,
 * carriage return, space), the no-break space, and the other Unicode spaces (JavaScript's `\s`).
 */
export function isWhitespace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c > 0x7f && UNICODE_SPACE.test(String.fromCharCode(c)));
}

/** `[start, end)` without leading and trailing whitespace (empty, at the first non-space, when all is space). */
export function trimmedRange(src: string, start: number, end: number): { start: number; end: number } {
  let s = start, e = end;
  while (s < e && isWhitespace(src.charCodeAt(s))) s++;
  while (e > s && isWhitespace(src.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

/**
 * The deepest node whose range holds the character at `offset` (`start <= offset < end`). With `touching`,
 * the deepest node with `start <= offset <= end` instead: where one node ends and the next starts the next
 * wins, but at the end of a container the child that ends there is taken (a cursor just after `}}` is on
 * the template), and an empty node (a parameter with no value) gives way to the one before it.
 */
export function nodeAt(root: SyntaxNode, offset: number, touching = false): SyntaxNode {
  let node = root;
  for (;;) {
    const ch = node.children;
    if (!ch || !ch.length) return node;
    if (touching) {
      // the last child starting at or before the offset
      let lo = 0, hi = ch.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (ch[mid].start <= offset) lo = mid;
        else hi = mid - 1;
      }
      let c = ch[lo];
      if (c.start === c.end && lo > 0) c = ch[lo - 1];
      if (c.start > offset || c.end < offset) return node;
      node = c;
      continue;
    }
    let lo = 0, hi = ch.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ch[mid].end <= offset) lo = mid + 1;
      else if (ch[mid].start > offset) hi = mid - 1;
      else { found = mid; break; }
    }
    if (found < 0) return node;
    node = ch[found];
  }
}

/** A container's span without the comments at its edges (a template name or value as the wiki reads it); empty at its start when all is comment. */
export function withoutEdgeComments(node: SyntaxNode): { start: number; end: number } {
  const ch = node.children;
  if (!ch || ch.length === 0) return { start: node.start, end: node.end };
  let i = 0, j = ch.length - 1;
  while (i <= j && ch[i].type === 'Comment') i++;
  while (j >= i && ch[j].type === 'Comment') j--;
  return i <= j ? { start: ch[i].start, end: ch[j].end } : { start: node.start, end: node.start };
}

/** English month names, January first. */
export const MONTH_NAMES: readonly string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The format of a date inserted into a citation: the page's (`{{use dmy dates}}`...), else the one the
 * citation's own dates show (`detected`, from `detectDateFormat`), else the configured fallback.
 */
export function insertionDateFormat(page: 'dmy' | 'mdy' | 'iso' | undefined | null, detected: string | null | undefined, fallback: 'dmy' | 'mdy' | 'iso'): 'dmy' | 'mdy' | 'iso' {
  if (page) return page;
  if (detected === 'dmy' || detected === 'mdy') return detected;
  if (detected === 'ymd') return 'iso';
  return fallback;
}

/** Levenshtein edit distance; with `limit`, any distance above it is returned as `limit + 1` (and found sooner). */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
