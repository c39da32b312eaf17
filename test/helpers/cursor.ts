/**
 * Feature-test helpers: documents written with a cursor marker, and LSP ranges and edits read back as
 * text, so tests assert what a user would see.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { LineIndex } from '../../server/src/core/lineIndex';

/** The cursor marker: a character that never occurs in wikitext. */
export const CURSOR = '‸';

/** A text with every cursor marker removed, and the offsets where they stood (the first one as `offset`). */
export function withCursor(marked: string): { text: string; offset: number; offsets: number[] } {
  const offsets: number[] = [];
  let text = '';
  let from = 0;
  for (let at = marked.indexOf(CURSOR); at >= 0; at = marked.indexOf(CURSOR, from)) {
    text += marked.slice(from, at);
    offsets.push(text.length);
    from = at + CURSOR.length;
  }
  text += marked.slice(from);
  if (offsets.length === 0) throw new Error(`no cursor marker ${CURSOR} in the test document`);
  return { text, offset: offsets[0], offsets };
}

/** The offsets `[start, end)` of an LSP range. */
export function offsetsOf(lines: LineIndex, range: Range): [number, number] {
  return [lines.offset(range.start.line, range.start.character), lines.offset(range.end.line, range.end.character)];
}

/** The source text an LSP range covers. */
export function textOf(lines: LineIndex, range: Range): string {
  const [s, e] = offsetsOf(lines, range);
  return lines.text.slice(s, e);
}

/** Applies LSP edits (non-overlapping) to the text, from the end backwards. */
export function applyEdits(lines: LineIndex, edits: TextEdit[]): string {
  let text = lines.text;
  const sorted = edits.map((e) => ({ span: offsetsOf(lines, e.range), newText: e.newText })).sort((x, y) => y.span[0] - x.span[0]);
  for (const e of sorted) text = text.slice(0, e.span[0]) + e.newText + text.slice(e.span[1]);
  return text;
}
