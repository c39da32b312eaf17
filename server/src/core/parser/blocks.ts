/**
 * Phase 2 of parsing: the structure MediaWiki's main parser finds after preprocessing. Works on the
 * items of one container (text leaves and the atoms phase 1 built) and never looks inside an atom:
 * tables, lists and rules at line start; then links, external links, tags, quotes, entities and
 * magic links inline. Every failed search is remembered, so each character is scanned a bounded
 * number of times per container.
 */
import {
  ExternalLinkNode,
  HtmlTagNode,
  ListItemNode,
  SyntaxNode,
  TableCellNode,
  WikilinkNode,
} from './nodes';
import { addItems, addNode, addText, indexOfChar, ItemSlicer, LinkCandidate } from './preprocessor';
import { parseAttributes } from './attributes';
import { syntaxData } from './syntaxData';
import type { ParseContext } from './parse';
import { leafOrContainer } from './parse';

const NL = 10;
/** Tables nested deeper than this stay text (bounds the work on hostile input). */
const MAX_TABLE_NESTING = 8;

interface Line {
  start: number;
  /** Offset of the line's `\n`, or the container end. */
  end: number;
}

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

interface OpenCell {
  type: 'TableCell' | 'TableCaption';
  start: number;
  header: boolean;
  /** Leading whitespace and marker: [start, markerEnd). */
  markerStart: number;
  markerEnd: number;
  attrPipe: number;
  contentStart: number;
  contentEnd: number;
}

/** Parses a table starting at line `li` (its `{|` at `open`); returns it and the index of its last line. */
function parseTable(
  ctx: ParseContext,
  items: SyntaxNode[],
  outerSlicer: ItemSlicer,
  textAt: (pos: number) => boolean,
  lines: Line[],
  li: number,
  open: number,
  tableDepth: number,
): { table: SyntaxNode; lastLine: number } {
  const src = ctx.src;
  // Each part is built from its own slices of the items; the outer slicer only needs to skip the table.
  const slicer = new ItemSlicer(items);
  const first = lines[li];
  const tableChildren: SyntaxNode[] = [];
  const openChildren: SyntaxNode[] = [];
  addItems(openChildren, slicer.slice(first.start, open));
  openChildren.push(new SyntaxNode('Punct', open, open + 2, null));
  openChildren.push(leafOrContainer('TableAttributes', open + 2, first.end, slicer.slice(open + 2, first.end)));
  tableChildren.push(new SyntaxNode('TableOpen', first.start, first.end, openChildren));

  let row: { start: number; children: SyntaxNode[] } | null = null;
  let cell: OpenCell | null = null;
  let tableEnd = -1;
  let k = li + 1;

  const target = () => (row ? row.children : tableChildren);
  const closeCell = () => {
    if (!cell) return;
    const c = cell;
    cell = null;
    const children: SyntaxNode[] = [];
    addItems(children, slicer.slice(c.start, c.markerStart));
    children.push(new SyntaxNode('Punct', c.markerStart, c.markerEnd, null));
    if (c.attrPipe >= 0) {
      children.push(leafOrContainer('TableAttributes', c.markerEnd, c.attrPipe, slicer.slice(c.markerEnd, c.attrPipe)));
      children.push(new SyntaxNode('Punct', c.attrPipe, c.attrPipe + 1, null));
    }
    const contentItems = slicer.slice(c.contentStart, c.contentEnd);
    children.push(leafOrContainer('TableCellContent', c.contentStart, c.contentEnd, blocks(ctx, contentItems, c.contentStart, c.contentEnd, false, tableDepth + 1)));
    const node = c.type === 'TableCaption'
      ? new SyntaxNode('TableCaption', c.start, c.contentEnd, children)
      : new TableCellNode(c.start, c.contentEnd, children, c.header);
    if (c.type === 'TableCell' && !row) row = { start: c.start, children: [] };
    target().push(node);
  };
  const closeRow = () => {
    closeCell();
    if (!row) return;
    const r = row;
    row = null;
    const last = r.children[r.children.length - 1];
    tableChildren.push(new SyntaxNode('TableRow', r.start, last ? last.end : r.start, r.children));
  };
  /** Finds the first `sep` (two characters) in text leaves of [from, to). */
  const findSeparator = (from: number, to: number, header: boolean): number => {
    for (let p = from; p + 1 < to; p++) {
      const c = src.charCodeAt(p);
      if ((c === 124 && src.charCodeAt(p + 1) === 124) || (header && c === 33 && src.charCodeAt(p + 1) === 33)) {
        if (textAt(p) && textAt(p + 1)) return p;
      }
    }
    return -1;
  };
  const findPipe = (from: number, to: number): number => {
    for (let p = from; p < to; p++) if (src.charCodeAt(p) === 124 && textAt(p)) return p;
    return -1;
  };
  /** Starts the cells of a `|` or `!` line. */
  const startCells = (line: Line, p: number, header: boolean) => {
    let markerStart = p;
    let markerEnd = p + 1;
    let segStart = line.start;
    for (;;) {
      const sep = findSeparator(markerEnd, line.end, header);
      const segEnd = sep < 0 ? line.end : sep;
      let attrPipe = findPipe(markerEnd, segEnd);
      // `[[` in the would-be attributes means there are none (MediaWiki's check)
      if (attrPipe >= 0 && src.slice(markerEnd, attrPipe).includes('[[')) attrPipe = -1;
      cell = {
        type: 'TableCell', start: segStart, header, markerStart, markerEnd, attrPipe,
        contentStart: attrPipe >= 0 ? attrPipe + 1 : markerEnd, contentEnd: segEnd,
      };
      if (sep < 0) break;
      closeCell();
      segStart = markerStart = sep;
      markerEnd = sep + 2;
    }
  };

  for (; k < lines.length; k++) {
    const line = lines[k];
    let p = line.start;
    while (p < line.end && (src.charCodeAt(p) === 32 || src.charCodeAt(p) === 9)) p++;
    const isText = p < line.end && textAt(p);
    const c = isText ? src.charCodeAt(p) : -1;
    const c2 = isText && textAt(p + 1) ? src.charCodeAt(p + 1) : -1;
    if (c === 123 && c2 === 124) {
      // Nested table: its lines are content of the current cell.
      let depth = 0;
      let m = k;
      for (; m < lines.length; m++) {
        const l = lines[m];
        let q = l.start;
        while (q < l.end && (src.charCodeAt(q) === 32 || src.charCodeAt(q) === 9)) q++;
        if (q + 1 < l.end + 1 && textAt(q) && textAt(q + 1)) {
          if (src.charCodeAt(q) === 123 && src.charCodeAt(q + 1) === 124) depth++;
          else if (src.charCodeAt(q) === 124 && src.charCodeAt(q + 1) === 125) depth--;
        }
        if (depth === 0) break;
      }
      if (m >= lines.length) m = lines.length - 1;
      if (cell) {
        cell.contentEnd = lines[m].end;
      } else {
        // a table directly inside a table, outside any cell: MediaWiki still nests it; keep it as content
        const t = target();
        addText(t, line.start - 1, line.start);
        const nested = blocks(ctx, slicer.slice(line.start, lines[m].end), line.start, lines[m].end, true, tableDepth + 1);
        addItems(t, nested);
      }
      k = m;
      continue;
    }
    const isMarker = c === 124 || c === 33;
    if (!isMarker) {
      if (cell) cell.contentEnd = line.end;
      else {
        const t = target();
        addText(t, line.start - 1, line.start);
        addItems(t, inline(ctx, slicer.slice(line.start, line.end), line.start, line.end));
      }
      continue;
    }
    if (c === 124 && c2 === 125) {
      // |} closes the table
      closeRow();
      addText(tableChildren, line.start - 1, line.start);
      addItems(tableChildren, slicer.slice(line.start, p));
      tableChildren.push(new SyntaxNode('TableClose', p, p + 2, null));
      tableEnd = p + 2;
      break;
    }
    if (c === 124 && c2 === 45) {
      // |- starts a row
      closeRow();
      addText(tableChildren, line.start - 1, line.start);
      let q = p + 2;
      while (q < line.end && src.charCodeAt(q) === 45 && textAt(q)) q++;
      const children: SyntaxNode[] = [];
      addItems(children, slicer.slice(line.start, p));
      children.push(new SyntaxNode('Punct', p, q, null));
      children.push(leafOrContainer('TableAttributes', q, line.end, slicer.slice(q, line.end)));
      row = { start: line.start, children };
      continue;
    }
    closeCell();
    if (!row && !(c === 124 && c2 === 43)) {
      addText(tableChildren, line.start - 1, line.start);
      row = { start: line.start, children: [] };
    } else addText(target(), line.start - 1, line.start);
    if (c === 124 && c2 === 43) {
      // |+ caption
      cell = {
        type: 'TableCaption', start: line.start, header: false, markerStart: p, markerEnd: p + 2, attrPipe: -1,
        contentStart: p + 2, contentEnd: line.end,
      };
      continue;
    }
    startCells(line, p, c === 33);
  }
  if (tableEnd < 0) {
    closeRow();
    k = lines.length - 1;
    tableEnd = lines[k].end;
    ctx.unclosed.push({ kind: 'table', start: open, end: open + 2 });
  }
  const table = new SyntaxNode('Table', first.start, tableEnd, tableChildren);
  outerSlicer.slice(first.start, tableEnd);
  return { table, lastLine: k };
}

// ---------------------------------------------------------------------------------------------
// Inline structure

/** Characters that may start an inline construct (or end a URL's scheme, for ':'). */
const INLINE_TRIGGER = new Uint8Array(128);
for (const c of "['<&~_:IPR") INLINE_TRIGGER[c.charCodeAt(0)] = 1;

/** Offset of the first character in `[start, end)` that may start an inline construct, or -1. */
function firstTriggerIn(src: string, start: number, end: number): number {
  const trigger = INLINE_TRIGGER;
  for (let p = start; p < end; p++) {
    const c = src.charCodeAt(p);
    if (c < 128 && trigger[c] !== 0) return p;
  }
  return -1;
}

/** Offset of the first character that may start an inline construct, or -1: most values are plain text. */
function firstInlineTrigger(src: string, items: SyntaxNode[]): number {
  const trigger = INLINE_TRIGGER;
  for (let k = 0; k < items.length; k++) {
    const n = items[k];
    if (n.type !== 'Text') continue;
    for (let p = n.start, e = n.end; p < e; p++) {
      const c = src.charCodeAt(p);
      if (c < 128 && trigger[c] !== 0) return p;
    }
  }
  return -1;
}

/**
 * True when `[start, end)`, taken as one text leaf of a container that does not start a line, has no block
 * or inline structure: no newline and no character that may start an inline construct. Such a container
 * is a leaf, and nothing needs to be built to find that out.
 */
export function isPlainText(src: string, start: number, end: number): boolean {
  if (start === 0 || src.charCodeAt(start - 1) === NL) return false;
  const trigger = INLINE_TRIGGER;
  for (let p = start; p < end; p++) {
    const c = src.charCodeAt(p);
    if (c < 128 && (trigger[c] !== 0 || c === NL)) return false;
  }
  return true;
}

function isWordBoundary(src: string, p: number): boolean {
  if (p === 0) return true;
  const c = src.charCodeAt(p - 1);
  return !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127 && /[\p{L}\p{N}]/u.test(src[p - 1]));
}

/** Any URL protocol of the wiki at the sticky position (the tables of the parse under way). */
function bracketProtocol(): RegExp {
  return syntaxData.bracketProtocolRe;
}

/** True for characters that end a URL (MediaWiki's EXT_LINK_URL_CLASS complement). */
function endsUrl(c: number): boolean {
  return c <= 32 || c === 91 || c === 93 || c === 60 || c === 62 || c === 34 || c === 0x7f || c === 0xa0 || c === 0x3000 || c === 0xfffd;
}

const ENTITY_RE = /&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);/y;
const ISBN_RE = /ISBN[ \t\u00a0]+(?:97[89][- \t\u00a0]?)?(?:[0-9][- \t\u00a0]?){9}[0-9Xx]\b/y;
const NUMBER_LINK_RE = /(?:RFC|PMID)[ \t\u00a0]+[0-9]+\b/y;
const TAG_NAME_RE = /<(\/?)([A-Za-z][A-Za-z0-9]*)/y;

/** Inline structure of `[start, end)`: links, external links, HTML tags, quotes, entities, magic links. */
export function inline(ctx: ParseContext, rawItems: SyntaxNode[], start: number, end: number): SyntaxNode[] {
  const items = resolveLinks(ctx, rawItems);
  const firstTrigger = firstInlineTrigger(ctx.src, items);
  // Most containers are plain text: no scanner object, no copies.
  if (firstTrigger < 0) return items;
  return new InlineScan(ctx, items, start, end).run(firstTrigger);
}

/**
 * One inline scan over the items of a range. A class rather than closures: one object per scan, where
 * a closure per helper was allocated on every call (most calls find nothing to do).
 */
class InlineScan {
  private out: SyntaxNode[] = [];
  private slicer: ItemSlicer;
  private emitted: number;
  private noBracketBefore = -1;
  private noTagEndBefore = -1;
  private src: string;

  constructor(private ctx: ParseContext, private items: SyntaxNode[], start: number, private end: number) {
    this.src = ctx.src;
    this.slicer = new ItemSlicer(items);
    this.emitted = start;
  }

  run(firstTrigger: number): SyntaxNode[] {
    const items = this.items;
    const text = this.src, trigger = INLINE_TRIGGER;
    for (let k = 0; k < items.length; k++) {
      const item = items[k];
      if (item.type !== 'Text' || item.end <= this.emitted || item.end <= firstTrigger) continue;
      const limit = item.end;
      let p = Math.max(item.start, this.emitted, firstTrigger);
      while (p < limit) {
        // fast skip of plain text, with locals only
        let q = p;
        while (q < limit) {
          const c = text.charCodeAt(q);
          if (c < 128 && trigger[c] !== 0) break;
          q++;
        }
        p = q;
        if (p >= limit) break;
        const ch = text.charCodeAt(p);
        let node: SyntaxNode | null = null;
        let skip = 1;
        if (ch === 91 /* [ */) node = this.externalLink(p, k);
        else if (ch === 39 /* ' */) {
          let n = 1;
          while (p + n < limit && text.charCodeAt(p + n) === 39) n++;
          // `''` italic, `'''` bold, `'''''` both; a longer run keeps its extra apostrophes as text.
          if (n >= 2) {
            const markup = n === 4 ? 3 : n > 5 ? 5 : n;
            node = new SyntaxNode('Quote', p + n - markup, p + n, null);
          }
          skip = n;
        } else if (ch === 60 /* < */) node = this.htmlTag(p, k, limit);
        else if (ch === 38 /* & */) node = this.sticky(ENTITY_RE, p, 'Entity', limit);
        else if (ch === 126 /* ~ */) {
          let n = 1;
          while (p + n < limit && text.charCodeAt(p + n) === 126) n++;
          if (n >= 3 && n <= 5) node = new SyntaxNode('Signature', p, p + n, null);
          skip = n;
        } else if (ch === 95 /* _ */) {
          if (text.charCodeAt(p + 1) === 95) {
            const switchRe = syntaxData.switchRe;
            switchRe.lastIndex = p;
            const s = switchRe.exec(text);
            if (s && s.index + s[0].length <= limit && syntaxData.isBehaviorSwitch(s[1])) node = new SyntaxNode('BehaviorSwitch', p, p + s[0].length, null);
          }
        } else if (ch === 58 /* : */) {
          node = this.freeUrlAtColon(p, Math.max(item.start, this.emitted), limit);
        } else if (ch === 73 /* I */ || ch === 80 /* P */ || ch === 82 /* R */) {
          if (isWordBoundary(text, p)) {
            if (text.startsWith('ISBN', p)) node = this.sticky(ISBN_RE, p, 'MagicLink', limit);
            else if (text.startsWith('PMID', p) || text.startsWith('RFC', p)) node = this.sticky(NUMBER_LINK_RE, p, 'MagicLink', limit);
          }
        }
        if (node) {
          this.emit(node);
          if (node.end >= limit) break;
          p = node.end;
        } else p += skip;
      }
    }
    this.slicer.appendTo(this.out, this.emitted, this.end);
    return this.out;
  }

  private emit(node: SyntaxNode): void {
    this.slicer.appendTo(this.out, this.emitted, node.start);
    this.out.push(node);
    this.emitted = node.end;
  }

  /** The offset of the first `ch` in text leaves from `from`, stopping at a newline; -1 if none. */
  private findInText(from: number, ch: number, k0: number): number {
    const items = this.items, src = this.src;
    for (let k = k0; k < items.length; k++) {
      const n = items[k];
      if (n.type !== 'Text' || n.end <= from) continue;
      for (let p = Math.max(from, n.start); p < n.end; p++) {
        const c = src.charCodeAt(p);
        if (c === ch) return p;
        if (c === NL) return -1;
      }
    }
    return -1;
  }

  private sticky(r: RegExp, p: number, type: 'Entity' | 'MagicLink', limit: number): SyntaxNode | null {
    r.lastIndex = p;
    const s = r.exec(this.src);
    if (!s || p + s[0].length > limit) return null;
    return new SyntaxNode(type, p, p + s[0].length, null);
  }

  private externalLink(p: number, k: number): SyntaxNode | null {
    const src = this.src, items = this.items;
    const bp = bracketProtocol();
    bp.lastIndex = p + 1;
    const pm = bp.exec(src);
    if (!pm) return null;
    const urlStart = p + 1;
    let urlEnd = urlStart + pm[0].length;
    const itemEnd = items[k].end;
    while (urlEnd < itemEnd && !endsUrl(src.charCodeAt(urlEnd))) urlEnd++;
    if (urlEnd === urlStart + pm[0].length) return null;
    if (urlEnd <= this.noBracketBefore) return null;
    const close = this.findInText(urlEnd, 93, k);
    if (close < 0) {
      this.noBracketBefore = this.lineEndFrom(urlEnd, k);
      return null;
    }
    const children: SyntaxNode[] = [new SyntaxNode('Punct', p, p + 1, null), new SyntaxNode('ExternalLinkUrl', urlStart, urlEnd, null)];
    if (close > urlEnd) {
      const sub = new ItemSlicer(items).slice(urlEnd, close);
      children.push(leafOrContainer('ExternalLinkText', urlEnd, close, inline(this.ctx, sub, urlEnd, close)));
    }
    children.push(new SyntaxNode('Punct', close, close + 1, null));
    return this.ctx.constructs[this.ctx.constructs.length] = new ExternalLinkNode('ExternalLink', p, close + 1, children, src.slice(urlStart, urlEnd));
  }

  private lineEndFrom(from: number, k0: number): number {
    const items = this.items;
    for (let k = k0; k < items.length; k++) {
      const n = items[k];
      if (n.type !== 'Text' || n.end <= from) continue;
      const at = indexOfChar(this.src, NL, Math.max(from, n.start), n.end);
      if (at >= 0) return at;
    }
    return this.end;
  }

  /** A bare URL whose protocol ends with the colon at `colon` (MediaWiki's free external links). */
  private freeUrlAtColon(colon: number, floor: number, limit: number): SyntaxNode | null {
    const src = this.src;
    const next = src.charCodeAt(colon + 1);
    if (next === 32 || next !== next || next === 10) return null;
    let p = colon;
    while (p > floor && p > colon - 10) {
      const c = src.charCodeAt(p - 1) | 0x20;
      if (c >= 97 && c <= 122) p--;
      else break;
    }
    if (p === colon) return null;
    let prot = src.slice(p, colon + 1).toLowerCase();
    // the protocol is the longest known scheme ending here, e.g. "https:" in "xhttps:"
    while (!syntaxData.freeProtocols.has(prot) && prot.length > 2) {
      prot = prot.slice(1);
      p++;
    }
    if (!syntaxData.freeProtocols.has(prot)) return null;
    let protLen = prot.length;
    if (syntaxData.slashProtocols.has(prot)) {
      if (src.charCodeAt(colon + 1) !== 47 || src.charCodeAt(colon + 2) !== 47) return null;
      protLen += 2;
    }
    if (!isWordBoundary(src, p)) return null;
    let e = p + protLen;
    while (e < limit && !endsUrl(src.charCodeAt(e))) e++;
    // a URL cannot run into a quote run: '' ends it
    let hasParen = false;
    for (let k = p + protLen; k < e; k++) {
      const c = src.charCodeAt(k);
      if (c === 39 && k + 1 < e && src.charCodeAt(k + 1) === 39) {
        e = k;
        break;
      }
      if (c === 40) hasParen = true;
    }
    // MediaWiki drops trailing punctuation, and a closing parenthesis unless the URL has an opening one.
    while (e > p + protLen) {
      const c = src.charCodeAt(e - 1);
      if (c === 44 || c === 59 || c === 46 || c === 58 || c === 33 || c === 63 || (c === 41 && !hasParen)) e--;
      else break;
    }
    if (e <= p + protLen) return null;
    return this.ctx.constructs[this.ctx.constructs.length] = new ExternalLinkNode('FreeUrl', p, e, [new SyntaxNode('Text', p, e, null)], src.slice(p, e));
  }

  private htmlTag(p: number, k: number, limit: number): SyntaxNode | null {
    const src = this.src;
    TAG_NAME_RE.lastIndex = p;
    const t = TAG_NAME_RE.exec(src);
    if (!t || p + t[0].length > limit) return null;
    const name = t[2].toLowerCase();
    if (!syntaxData.htmlTags.has(name)) return null;
    const nameEnd = p + t[0].length;
    const after = src.charCodeAt(nameEnd);
    if (!(after === 62 || after === 47 || after === 32 || after === 9 || after === 10 || after === 13)) return null;
    if (nameEnd <= this.noTagEndBefore) return null;
    const gt = this.findInText(nameEnd, 62, k);
    if (gt < 0) {
      this.noTagEndBefore = this.lineEndFrom(nameEnd, k);
      return null;
    }
    const closing = t[1] === '/';
    const selfClosing = src.charCodeAt(gt - 1) === 47 && gt - 1 >= nameEnd;
    const attrEnd = selfClosing ? gt - 1 : gt;
    const children: SyntaxNode[] = [new SyntaxNode('Punct', p, nameEnd, null)];
    let attributes: ReturnType<typeof parseAttributes>['attributes'] = [];
    const inner = new ItemSlicer(this.items).slice(nameEnd, attrEnd);
    if (inner.every((n) => n.type === 'Text')) {
      const parsed = parseAttributes(src, nameEnd, attrEnd);
      for (const c of parsed.children) children.push(c);
      attributes = parsed.attributes;
    } else {
      addItems(children, inner);
    }
    children.push(new SyntaxNode('Punct', attrEnd, gt + 1, null));
    return new HtmlTagNode(p, gt + 1, children, name, closing, selfClosing, attributes);
  }
}

const INVALID_TARGET = /[[\]{}<>\n]/;

/** Turns `[[...]]` candidates into links when their target is a valid title, or back into text when not. */
export function resolveLinks(ctx: ParseContext, items: SyntaxNode[]): SyntaxNode[] {
  let any = false;
  for (const n of items) if (n instanceof LinkCandidate) { any = true; break; }
  if (!any) return items;
  const src = ctx.src;
  const out: SyntaxNode[] = [];
  for (let k = 0; k < items.length; k++) {
    const n = items[k];
    if (!(n instanceof LinkCandidate)) {
      if (n.type === 'Text') addNode(out, n);
      else out.push(n);
      continue;
    }
    // `[[a|[b]]]`: when the text holds a `[` and a `]` follows, MediaWiki moves that `]` into the text.
    const next = items[k + 1];
    const takeBracket = next !== undefined && next.type === 'Text' && next.start === n.end && src.charCodeAt(n.end) === 93 && candidateTextHasBracket(src, n);
    const link = resolveLink(ctx, n, takeBracket);
    if (link) {
      out.push(link);
      if (takeBracket) {
        if (next.end > next.start + 1) addText(out, next.start + 1, next.end);
        k++;
      }
    } else addItems(out, resolveLinks(ctx, flattenCandidate(n)));
  }
  return out;
}

/** True when the candidate has a pipe and a `[` after it, in its text leaves. */
function candidateTextHasBracket(src: string, n: LinkCandidate): boolean {
  let piped = false;
  for (const c of n.children!) {
    if (c.type !== 'Text') continue;
    for (let p = c.start; p < c.end; p++) {
      const ch = src.charCodeAt(p);
      if (ch === 124) piped = true;
      else if (ch === 91 && piped) return true;
    }
  }
  return false;
}

function flattenCandidate(n: LinkCandidate): SyntaxNode[] {
  const ch = n.children!;
  const out: SyntaxNode[] = [];
  addText(out, n.start, n.start + 2);
  addItems(out, ch.slice(1, ch.length - 1));
  addText(out, n.end - 2, n.end);
  return out;
}

/** The target of a candidate (up to its first pipe in text) if it is a valid title, else null. Never recurses. */
function candidateTarget(src: string, n: LinkCandidate): { target: string; pipe: number } | null {
  const ch = n.children!;
  let pipe = -1;
  let target = '';
  for (let k = 1; k < ch.length - 1; k++) {
    const c = ch[k];
    if (c.type === 'Text') {
      const at = indexOfChar(src, 124, c.start, c.end);
      if (at >= 0) {
        target += src.slice(c.start, at);
        pipe = at;
        break;
      }
      target += src.slice(c.start, c.end);
    } else if (c.type === 'Comment') {
      continue;
    } else if (c.type === 'Template' || c.type === 'ParserFunction' || c.type === 'MagicWord' || c.type === 'Argument') {
      target += '\u0000';
    } else return null;
  }
  if (INVALID_TARGET.test(target)) return null;
  const trimmed = target.trim();
  if (!trimmed || syntaxData.bracketProtocolOnce.test(trimmed)) return null;
  return { target: trimmed, pipe };
}

function resolveLink(ctx: ParseContext, n: LinkCandidate, takeBracket = false): SyntaxNode | null {
  const src = ctx.src;
  const found = candidateTarget(src, n);
  if (!found) return null;
  const { target: trimmed, pipe } = found;
  const ch = n.children!;
  // Only file links may hold links in their text: `[[a|[[b]]]]` links b alone, `[[a|` and `]]` are text.
  // Decided before the text is parsed, so that nested candidates are resolved once (never exponentially).
  if (pipe >= 0 && !isFileTarget(trimmed)) {
    for (let k = 1; k < ch.length - 1; k++) {
      const c = ch[k];
      if (c instanceof LinkCandidate && c.start > pipe && candidateTarget(src, c)) return null;
    }
  }
  const s = n.start + 2;
  const e = n.end - 2;
  const end = takeBracket ? n.end + 1 : n.end;
  const targetEnd = pipe >= 0 ? pipe : e;
  // The candidate's own brackets and leaves are reused: nodes never change once made.
  let children: SyntaxNode[];
  let targetNode: SyntaxNode;
  if (ch.length === 3 && ch[1].type === 'Text' && !takeBracket) {
    // the usual `[[target]]` or `[[target|text]]`: one text leaf inside, no slicing needed
    targetNode = new SyntaxNode('LinkTarget', s, targetEnd, null);
    if (pipe < 0) children = [ch[0], targetNode, ch[2]];
    else {
      const text = pipe + 1 === e ? new SyntaxNode('LinkText', e, e, null)
        : firstTriggerIn(src, pipe + 1, e) < 0 ? new SyntaxNode('LinkText', pipe + 1, e, null)
          : leafOrContainer('LinkText', pipe + 1, e, inline(ctx, [new SyntaxNode('Text', pipe + 1, e, null)], pipe + 1, e));
      children = [ch[0], targetNode, new SyntaxNode('Punct', pipe, pipe + 1, null), text, ch[2]];
    }
  } else {
    const slicer = new ItemSlicer(ch);
    children = [ch[0]];
    targetNode = leafOrContainer('LinkTarget', s, targetEnd, slicer.slice(s, targetEnd));
    children.push(targetNode);
    if (pipe >= 0) {
      children.push(new SyntaxNode('Punct', pipe, pipe + 1, null));
      const textItems = slicer.slice(pipe + 1, e);
      // `[[a|[b]]]`: the `]` after the candidate belongs to the text
      const textEnd = takeBracket ? e + 1 : e;
      if (takeBracket) addText(textItems, e, e + 1);
      children.push(leafOrContainer('LinkText', pipe + 1, textEnd, inline(ctx, textItems, pipe + 1, textEnd)));
      children.push(takeBracket ? new SyntaxNode('Punct', textEnd, end, null) : ch[ch.length - 1]);
    } else children.push(ch[ch.length - 1]);
  }
  const clean = trimmed.includes('\u0000') ? trimmed.replace(/\u0000/g, '') : trimmed;
  const hash = clean.indexOf('#');
  let page = hash >= 0 ? clean.slice(0, hash) : clean;
  if (page.includes('_')) page = page.replace(/_/g, ' ');
  page = page.trim();
  const fragment = hash >= 0 ? clean.slice(hash + 1) : null;
  let kind: 'page' | 'file' | 'category' | 'interwiki' = 'page';
  if (!page.startsWith(':')) {
    const colon = page.indexOf(':');
    if (colon > 0) {
      const prefix = page.slice(0, colon).trim().toLowerCase();
      if (syntaxData.fileNamespaces.has(prefix)) kind = 'file';
      else if (syntaxData.categoryNamespaces.has(prefix)) kind = 'category';
      else if (syntaxData.interwikiPrefixes.has(prefix)) kind = 'interwiki';
    }
  }
  return ctx.constructs[ctx.constructs.length] = new WikilinkNode(n.start, end, children, page, fragment, kind, targetNode);
}

/** True for a `File:`/`Image:` target (not `Media:`): only those may hold links in their caption. */
function isFileTarget(target: string): boolean {
  const colon = target.indexOf(':');
  if (colon <= 0 || target.startsWith(':')) return false;
  const prefix = target.slice(0, colon).replace(/_/g, ' ').trim().toLowerCase();
  return !syntaxData.mediaNamespaces.has(prefix) && syntaxData.fileNamespaces.has(prefix);
}

// A target that starts with a URL protocol (`http://`, `mailto:`, `//`) is an external link, not a page:
// `syntaxData.bracketProtocolOnce`.
