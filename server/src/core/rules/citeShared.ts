/** What the citation rules share: parameter ranges, inserting a parameter in the citation's own style, date formats. */
import { leadingSpace, trailingSpace } from '../safeText';
import type { Citation, CitationParam } from '../citations';
import type { RuleContext, TextEdit } from '../lint/types';
import { detectDateFormat, formatDate } from '../cs1/dates';
import type { ParameterNode } from '../parser/nodes';

/** The trimmed range of a parameter's name (or of its value when positional). */
export function paramNameRange(src: string, p: ParameterNode): { start: number; end: number } {
  const n = p.nameNode ?? p.valueNode;
  let s = n.start, e = n.end;
  while (s < e && /\s/.test(src[s])) s++;
  while (e > s && /\s/.test(src[e - 1])) e--;
  return s < e ? { start: s, end: e } : { start: p.start, end: p.start + 1 };
}

/** The range from a parameter's name to the end of its value (trimmed): `access-date=2020-01-01`. */
export function paramRange(src: string, cp: CitationParam): { start: number; end: number } {
  const name = paramNameRange(src, cp.node);
  return { start: name.start, end: Math.max(name.end, cp.valueEnd) };
}

/** The date format for a date inserted into a citation: the page's, else the citation's own, else the configured one. */
export function dateFormatFor(ctx: RuleContext, c: Citation): 'dmy' | 'mdy' | 'iso' {
  if (ctx.model.dateFormat) return ctx.model.dateFormat;
  const own = detectDateFormat(['date', 'access-date', 'archive-date', 'publication-date'].map((n) => c.value(n)).filter(Boolean));
  if (own === 'dmy' || own === 'mdy') return own;
  if (own === 'ymd') return 'iso';
  return ctx.fallbackDateFormat;
}

/** Today in the format the citation should use. */
export function todayFor(ctx: RuleContext, c: Citation): string {
  return formatDate(ctx.today, dateFormatFor(ctx, c));
}

/**
 * An edit inserting `|name=value` after the last of the given parameters present (else at the end), copying
 * the spacing of the citation's existing parameters (`|name=v`, ` |name=v`, `| name = v`, one per line...).
 */
export function insertParam(src: string, c: Citation, after: readonly string[], name: string, value: string): TextEdit {
  const named = c.params;
  let anchor: CitationParam | undefined;
  for (const cp of named) if (cp.lookup.known && after.includes(cp.lookup.canonical)) anchor = cp;
  const model = anchor ?? named[named.length - 1];
  let text: string;
  if (model) {
    const p = model.node;
    const raw = src.slice(p.start, p.valueNode.start); // "|name=" with its spacing
    // `|`, space, name, space, `=`, space (split by hand: the regular expression backtracked on long runs of spaces)
    const eq = raw.indexOf('=');
    const [beforeName, beforeEq, afterEq] = raw.startsWith('|') && eq > 0
      ? splitNameSpacing(raw.slice(1, eq), raw.slice(eq + 1))
      : ['', '', ''];
    // the whitespace that ends the anchor's value (a newline, for one-per-line citations) goes before the new pipe
    const value0 = src.slice(p.valueNode.start, p.valueNode.end);
    const trailing = trailingSpace(value0);
    // ` |a=1 |b=2`: the space before each pipe ends the previous value; copy it when the anchor has none
    const index = named.indexOf(model);
    const prev = index > 0 ? named[index - 1].node : null;
    const sep = trailing || (prev ? trailingSpace(src.slice(prev.valueNode.start, prev.valueNode.end), true) : '');
    text = `${sep}|${beforeName}${name}${beforeEq}=${afterEq}${value}`;
    const at = p.valueNode.end - trailing.length;
    return { start: at, end: at, newText: text };
  }
  const close = c.template.end - 2;
  return { start: close, end: close, newText: `|${name}=${value}` };
}

/** The anchors after which a date parameter is placed: after the URL, or where the citation keeps its dates. */
export const AFTER_URL = ['url', 'archive-date', 'archive-url', 'date', 'access-date'] as const;

/** The trimmed range of a template's name. */
export function templateNameRange(src: string, t: { nameNode: { start: number; end: number } }): { start: number; end: number } {
  let s = t.nameNode.start, e = t.nameNode.end;
  while (s < e && /\s/.test(src[s])) s++;
  while (e > s && /\s/.test(src[e - 1])) e--;
  return { start: s, end: e };
}

/**
 * An edit removing a parameter whole: its pipe, name, value and the whitespace that ends the value, which
 * keeps the citation's spacing (` |a=1 |b=2 |c=3` loses ` |b=2`... exactly `|b=2 `) and one-per-line layouts.
 */
export function removeParamEdit(p: { start: number; end: number }): TextEdit {
  return { start: p.start, end: p.end, newText: '' };
}

/** The spacing around a parameter name: before it, after it, and after the `=` (all empty when it is not plain spacing). */
function splitNameSpacing(name: string, afterEq: string): [string, string, string] {
  if (trailingSpace(afterEq) !== afterEq) return ['', '', ''];
  const before = leadingSpace(name);
  return [before, before.length === name.length ? '' : trailingSpace(name), afterEq];
}
