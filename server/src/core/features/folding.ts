/**
 * Folding ranges: sections, multi-line templates and parser functions, extension tags (`<ref>`,
 * `<references>`, `<gallery>`...), comments and tables. A range folds only when it spans two lines
 * or more; a section folds up to its last non-blank line, so the blank line before the next heading
 * stays visible.
 */
import type { Analysis } from '../analysis';
import type { SyntaxNode } from '../parser/nodes';
import type { Fold } from './types';

/**
 * The folding ranges of a document, sorted by start line, one per distinct pair of lines (the first
 * found of a pair keeps its kind). Folding is by whole lines, so lines (the analysis's line index) are
 * its plain data.
 */
export function foldingRanges(a: Analysis): Fold[] {
  const src = a.text;
  const out: Fold[] = [];
  const seen = new Set<number>();
  const lineCount = a.lines.lineStarts.length;
  const add = (start: number, end: number, kind?: Fold['kind']) => {
    // The last line of a range is the line of its last character, not of the offset after it.
    const startLine = a.lines.position(start).line;
    const endLine = a.lines.position(Math.max(start, end - 1)).line;
    if (endLine <= startLine) return;
    const key = startLine * lineCount + endLine;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };

  for (const s of a.model.sections) {
    let end = s.end;
    while (end > s.heading.end && /\s/.test(src[end - 1])) end--;
    add(s.start, end, 'region');
  }
  for (const c of a.model.comments) add(c.start, c.end, 'comment');

  // Templates, parser functions, extension tags and tables, in one walk of the tree.
  const stack: SyntaxNode[] = [a.doc];
  while (stack.length) {
    const n = stack.pop()!;
    switch (n.type) {
      case 'Template':
      case 'ParserFunction':
      case 'ExtensionTag':
      case 'Table':
        add(n.start, n.end);
        break;
    }
    const ch = n.children;
    if (ch) for (let i = ch.length - 1; i >= 0; i--) if (ch[i].children) stack.push(ch[i]);
  }
  out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
  return out;
}
