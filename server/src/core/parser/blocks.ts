/**
 * Phase 2 of parsing: the structure MediaWiki's main parser finds after preprocessing. Works on the
 * items of one container (text leaves and the atoms phase 1 built) and never looks inside an atom:
 * tables (tables.ts), lists and rules at line start; then the inline structure of each run of lines
 * (inline.ts, links.ts). Every failed search is remembered, so each character is scanned a bounded
 * number of times per container.
 */
import { ListItemNode, SyntaxNode } from './nodes';
import { addItems, addText, ItemSlicer } from './items';
import { leafOrContainer, type Line, type ParseContext } from './context';
import { NL } from './chars';
import { syntaxData } from './syntaxData';
import { inline } from './inline';
import { resolveLinks } from './links';
import { MAX_TABLE_NESTING, parseTable } from './tables';

/** Block structure of a container, then inline structure of each line. */
export function blocks(ctx: ParseContext, rawItems: SyntaxNode[], start: number, end: number, startsLine: boolean, tableDepth = 0): SyntaxNode[] {
  const src = ctx.src;
  const items = resolveLinks(ctx, rawItems);
  if (!startsLine) startsLine = start === 0 || src.charCodeAt(start - 1) === NL;
  // Most containers (template values) are one line that does not start a line: inline structure only.
  if (!startsLine && !hasNewline(ctx, items)) return inline(ctx, items, start, end);
  const lines = splitLines(ctx, items, start, end);

  const out: SyntaxNode[] = [];
  const slicer = new ItemSlicer(items);
  const textAt = textLookup(items);
  let li = 0;
  // A redirect is the first thing on a page: `#REDIRECT [[Target]]`.
  if (start === 0 && startsLine) {
    const m = syntaxData.redirectRe.exec(src.slice(0, Math.min(end, 64)));
    if (m && textAt(0) && m[0].length < end) {
      const link = items.find((n) => n.start === m[0].length);
      if (link && link.type === 'Wikilink') {
        out.push(new SyntaxNode('Redirect', 0, link.end, [new SyntaxNode('Punct', 0, m[0].length, null), link]));
        slicer.slice(0, link.end);
        // `#REDIRECT` may stand on its own line(s) before the link: go on after the link's line
        let last = 0;
        while (last + 1 < lines.length && lines[last].end < link.end) last++;
        addItems(out, inline(ctx, slicer.slice(link.end, lines[last].end), link.end, lines[last].end));
        li = last + 1;
        if (li < lines.length) addText(out, lines[last].end, lines[last].end + 1);
      }
    }
  }
  // Consecutive lines with no block structure get their inline structure in one pass (inline constructs
  // never cross a newline): `run` is the start of such a run of lines not yet done, or -1.
  let run = -1;
  const endRun = (next: number) => {
    if (run < 0) return;
    const e = lines[next - 1].end;
    addItems(out, inline(ctx, slicer.slice(run, e), run, e));
    if (next < lines.length) addText(out, e, e + 1);
    run = -1;
  };
  for (; li < lines.length; li++) {
    const line = lines[li];
    const atLineStart = li > 0 || startsLine;
    let handled = false;
    const first = src.charCodeAt(line.start);
    // only `{|` (after spaces or tabs), a list prefix or `----` can start block structure
    const mayBlock = first === 123 || first === 42 || first === 35 || first === 58 || first === 59 || first === 45 || first === 32 || first === 9;
    if (atLineStart && mayBlock && line.start < line.end && textAt(line.start)) {
      let p = line.start;
      while (p < line.end && (src.charCodeAt(p) === 32 || src.charCodeAt(p) === 9) && textAt(p + 1)) p++;
      const c = src.charCodeAt(p);
      if (c === 123 /* { */ && src.charCodeAt(p + 1) === 124 && textAt(p + 1) && tableDepth < MAX_TABLE_NESTING) {
        endRun(li);
        const result = parseTable(ctx, items, slicer, textAt, lines, li, p, tableDepth);
        out.push(result.table);
        li = result.lastLine;
        const last = lines[li];
        addItems(out, inline(ctx, slicer.slice(result.table.end, last.end), result.table.end, last.end));
        if (li + 1 < lines.length) addText(out, last.end, last.end + 1);
        continue;
      }
      const c0 = src.charCodeAt(line.start);
      if (c0 === 42 || c0 === 35 || c0 === 58 || c0 === 59) {
        let q = line.start;
        while (q < line.end && textAt(q)) {
          const d = src.charCodeAt(q);
          if (d === 42 || d === 35 || d === 58 || d === 59) q++;
          else break;
        }
        endRun(li);
        const content = leafOrContainer('ListContent', q, line.end, inline(ctx, slicer.slice(q, line.end), q, line.end));
        out.push(new ListItemNode(line.start, line.end, [new SyntaxNode('Punct', line.start, q, null), content], src.slice(line.start, q)));
        handled = true;
      } else if (c0 === 45 && src.startsWith('----', line.start) && textAt(line.start + 3)) {
        endRun(li);
        let q = line.start + 4;
        while (q < line.end && src.charCodeAt(q) === 45 && textAt(q)) q++;
        slicer.slice(line.start, q);
        out.push(new SyntaxNode('HorizontalRule', line.start, q, null));
        addItems(out, inline(ctx, slicer.slice(q, line.end), q, line.end));
        handled = true;
      }
    }
    if (!handled) {
      if (run < 0) run = line.start;
      continue;
    }
    if (li + 1 < lines.length) addText(out, line.end, line.end + 1);
  }
  endRun(lines.length);
  return out;
}

/** Index in the document's ascending newline offsets of the first newline at or after `pos`. */
function firstNewlineFrom(nls: Int32Array, pos: number): number {
  let lo = 0, hi = nls.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nls[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when a text leaf of the items contains a newline (by the document's newline index). */
function hasNewline(ctx: ParseContext, items: SyntaxNode[]): boolean {
  const nls = ctx.newlines;
  if (!nls.length) return false;
  for (const n of items) {
    if (n.type !== 'Text') continue;
    const k = firstNewlineFrom(nls, n.start);
    if (k < nls.length && nls[k] < n.end) return true;
  }
  return false;
}

/** Splits a container into lines at the newlines of its text leaves (a newline inside an atom does not count). */
function splitLines(ctx: ParseContext, items: SyntaxNode[], start: number, end: number): Line[] {
  const lines: Line[] = [];
  const nls = ctx.newlines;
  let ls = start;
  for (const n of items) {
    if (n.type !== 'Text') continue;
    for (let k = firstNewlineFrom(nls, n.start); k < nls.length && nls[k] < n.end; k++) {
      lines.push({ start: ls, end: nls[k] });
      ls = nls[k] + 1;
    }
  }
  lines.push({ start: ls, end });
  return lines;
}

/** A predicate telling whether an offset lies inside a text leaf of the items (not inside an atom). */
function textLookup(items: SyntaxNode[]): (pos: number) => boolean {
  let hint = 0;
  return (pos: number) => {
    let k = hint;
    if (k >= items.length || items[k].start > pos) {
      // binary search
      let lo = 0, hi = items.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (items[mid].start <= pos) lo = mid;
        else hi = mid - 1;
      }
      k = lo;
    }
    while (k < items.length && items[k].end <= pos) k++;
    hint = k;
    return k < items.length && items[k].start <= pos && items[k].type === 'Text';
  };
}
