/**
 * Tables (`{|` ... `|}`): rows, cells, header cells and captions, each cell's content parsed as blocks
 * of its own. Tables nested deeper than MAX_TABLE_NESTING stay text.
 */
import { SyntaxNode, TableCellNode } from './nodes';
import { addItems, addText, ItemSlicer } from './items';
import { leafOrContainer, type Line, type ParseContext } from './context';
import { inline } from './inline';

/** Tables nested deeper than this stay text (bounds the work on hostile input). */
export const MAX_TABLE_NESTING = 8;

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
export function parseTable(
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
    children.push(leafOrContainer('TableCellContent', c.contentStart, c.contentEnd, ctx.blocks(contentItems, c.contentStart, c.contentEnd, false, tableDepth + 1)));
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
        const nested = ctx.blocks(slicer.slice(line.start, lines[m].end), line.start, lines[m].end, true, tableDepth + 1);
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
