import type { CommentNode } from '../parser/nodes';
import type { Diagnostic, Severity } from './types';
import type { LineIndex } from '../lineIndex';

/**
 * Inline suppression comments, as ESLint has them:
 * `<!-- wikitext-lint-disable-next-line id1, id2 -->`, `<!-- wikitext-lint-disable-line id -->`,
 * `<!-- wikitext-lint-disable id -->` ... `<!-- wikitext-lint-enable id -->` (no ids: every rule).
 * A directive naming an unknown rule is reported (`unknown-rule-in-directive`, an error, as ESLint reports a
 * missing rule definition); with `reportUnused`, a directive that suppressed nothing is (`unused-disable-directive`).
 */
const DIRECTIVE = /^<!--\s*wikitext-lint-(disable-next-line|disable-line|disable|enable)\b([^]*?)(?:-->)?$/;

/** Ids of the two checks on directives themselves (not rules: they cannot be configured off by a directive). */
export const UNKNOWN_RULE_IN_DIRECTIVE = 'unknown-rule-in-directive';
export const UNUSED_DISABLE_DIRECTIVE = 'unused-disable-directive';

interface Range { from: number; to: number; rules: Set<string> | null; comment: CommentNode; used: Set<string> }

export interface DirectiveOptions {
  /** Rule ids that exist; directives naming others are reported. */
  knownRules?: ReadonlySet<string>;
  /** Severity for unused disable directives (undefined: not reported). */
  reportUnused?: Severity;
}

/** Removes the diagnostics that directives in comments switch off; adds the directives' own problems. */
export function applyDirectives(src: string, comments: CommentNode[], lines: LineIndex, diagnostics: Diagnostic[], options: DirectiveOptions = {}): Diagnostic[] {
  const ranges: Range[] = [];
  const problems: Diagnostic[] = [];
  const open = new Map<string, { from: number; comment: CommentNode }>(); // rule id ('*' for all) -> start
  const directiveComments: { comment: CommentNode; ids: string[]; kind: string }[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(src.slice(c.start, c.end));
    if (!m) continue;
    const ids = m[2].replace(/--.*$/s, '').split(/[\s,]+/).filter(Boolean);
    const kind = m[1];
    directiveComments.push({ comment: c, ids, kind });
    if (options.knownRules) {
      for (const id of ids) {
        if (!options.knownRules.has(id)) problems.push({ rule: UNKNOWN_RULE_IN_DIRECTIVE, severity: 'error', message: `Unknown rule "${id}" in a wikitext-lint-${kind} comment`, start: c.start, end: c.end, related: [], fixes: [] });
      }
    }
    const rules = ids.length ? new Set(ids) : null;
    if (kind === 'disable-next-line' || kind === 'disable-line') {
      const line = lines.position(c.end).line + (kind === 'disable-next-line' ? 1 : 0);
      const from = lines.offset(line, 0);
      const to = line + 1 < lines.lineStarts.length ? lines.lineStarts[line + 1] : src.length + 1;
      ranges.push({ from: kind === 'disable-line' ? Math.min(from, c.start) : from, to, rules, comment: c, used: new Set() });
    } else if (kind === 'disable') {
      for (const id of ids.length ? ids : ['*']) if (!open.has(id)) open.set(id, { from: c.end, comment: c });
    } else {
      for (const id of ids.length ? ids : [...open.keys()]) {
        const o = open.get(id);
        if (o === undefined) continue;
        open.delete(id);
        ranges.push({ from: o.from, to: c.start, rules: id === '*' ? null : new Set([id]), comment: o.comment, used: new Set() });
      }
    }
  }
  for (const [id, o] of open) ranges.push({ from: o.from, to: src.length + 1, rules: id === '*' ? null : new Set([id]), comment: o.comment, used: new Set() });
  const kept = !ranges.length ? diagnostics : diagnostics.filter((d) => {
    let suppressed = false;
    for (const r of ranges) {
      if (d.start >= r.from && d.start < r.to && (!r.rules || r.rules.has(d.rule))) {
        suppressed = true;
        r.used.add(r.rules ? d.rule : '*');
      }
    }
    return !suppressed;
  });
  if (options.reportUnused) {
    // a directive is unused when none of its ranges suppressed anything (per id for directives naming ids)
    const used = new Map<CommentNode, Set<string>>();
    for (const r of ranges) {
      const u = used.get(r.comment) ?? new Set<string>();
      for (const id of r.used) u.add(id);
      used.set(r.comment, u);
    }
    for (const dc of directiveComments) {
      if (dc.kind === 'enable') continue;
      const u = used.get(dc.comment) ?? new Set<string>();
      const unused = dc.ids.length ? dc.ids.filter((id) => !u.has(id) && (!options.knownRules || options.knownRules.has(id))) : u.size ? [] : ['*'];
      if (!unused.length) continue;
      const what = unused[0] === '*' ? 'any problem' : unused.map((id) => `"${id}"`).join(', ');
      problems.push({ rule: UNUSED_DISABLE_DIRECTIVE, severity: options.reportUnused, message: `Unused wikitext-lint-${dc.kind} directive (no problems were reported from ${what})`, start: dc.comment.start, end: dc.comment.end, related: [], fixes: [] });
    }
  }
  return problems.length ? kept.concat(problems) : kept;
}
