import type { CommentNode } from '../parser/nodes';
import type { Diagnostic } from './types';
import type { LineIndex } from '../lineIndex';

/**
 * Inline suppression comments, as ESLint has them:
 * `<!-- wikitext-lint-disable-next-line id1, id2 -->`, `<!-- wikitext-lint-disable-line id -->`,
 * `<!-- wikitext-lint-disable id -->` ... `<!-- wikitext-lint-enable id -->` (no ids: every rule).
 */
const DIRECTIVE = /^<!--\s*wikitext-lint-(disable-next-line|disable-line|disable|enable)\b([^]*?)(?:-->)?$/;

interface Range { from: number; to: number; rules: Set<string> | null }

/** Removes the diagnostics that directives in comments switch off. */
export function applyDirectives(src: string, comments: CommentNode[], lines: LineIndex, diagnostics: Diagnostic[]): Diagnostic[] {
  const ranges: Range[] = [];
  const open = new Map<string, number>(); // rule id ('*' for all) -> start offset
  for (const c of comments) {
    const m = DIRECTIVE.exec(src.slice(c.start, c.end));
    if (!m) continue;
    const ids = m[2].replace(/--.*$/s, '').split(/[\s,]+/).filter(Boolean);
    const rules = ids.length ? new Set(ids) : null;
    const kind = m[1];
    if (kind === 'disable-next-line' || kind === 'disable-line') {
      const line = lines.position(c.end).line + (kind === 'disable-next-line' ? 1 : 0);
      const from = lines.offset(line, 0);
      const to = line + 1 < lines.lineStarts.length ? lines.lineStarts[line + 1] : src.length + 1;
      ranges.push({ from: kind === 'disable-line' ? Math.min(from, c.start) : from, to, rules });
    } else if (kind === 'disable') {
      for (const id of ids.length ? ids : ['*']) if (!open.has(id)) open.set(id, c.end);
    } else {
      for (const id of ids.length ? ids : [...open.keys()]) {
        const from = open.get(id);
        if (from === undefined) continue;
        open.delete(id);
        ranges.push({ from, to: c.start, rules: id === '*' ? null : new Set([id]) });
      }
    }
  }
  for (const [id, from] of open) ranges.push({ from, to: src.length + 1, rules: id === '*' ? null : new Set([id]) });
  if (!ranges.length) return diagnostics;
  return diagnostics.filter((d) => !ranges.some((r) => d.start >= r.from && d.start < r.to && (!r.rules || r.rules.has(d.rule))));
}
