/**
 * Ref names as written and as made: the key of a ref (group and name), where a ref's name stands in the
 * text (the span a rename replaces), quoting a name, the reuse tag, and a name suggested from a ref's
 * content. Shared by the ref rules, navigation, the outline and the refactors.
 */
import type { RefUse } from './model';
import { trimChar } from './safeText';
import { isWhitespace, withoutEdgeComments } from './text';

/** Key of a ref in the Cite extension's sense: group and name. */
export function refKey(r: { group: string; name: string | null }): string {
  return `${r.group}\u0000${r.name}`;
}

/** Quotes a ref name for wikitext attributes: double quotes unless the name contains one. */
export function quoteRefName(name: string): string {
  return name.includes('"') ? `'${name}'` : `"${name}"`;
}

/** A self-closing reuse tag for a ref. */
export function reuseTag(r: { name: string | null; group: string }): string {
  return `<ref name=${quoteRefName(r.name ?? '')}${r.group ? ` group=${quoteRefName(r.group)}` : ''} />`;
}

/** A short, readable ref name from a ref's content: the citation's last name and year, or the URL's site. */
export function suggestRefName(content: string, taken: (name: string) => boolean): string {
  let base = '';
  const last = /\|\s*(?:last1?|author1?)\s*=\s*([^|}]+)/i.exec(content)?.[1]?.trim();
  const year = /\b(1[5-9]\d\d|20\d\d)\b/.exec(/\|\s*(?:date|year)\s*=\s*([^|}]+)/i.exec(content)?.[1] ?? '')?.[1];
  if (last) base = last.split(/[\s,]+/)[0] + (year ?? '');
  if (!base) {
    const host = /https?:\/\/(?:www\.)?([^/\s|\]]+)/i.exec(content)?.[1];
    if (host) base = host.split('.').slice(0, -1).join('.') || host;
  }
  base = trimChar(base.replace(/["'<>/=\s]+/g, '-'), '-').slice(0, 30) || 'ref';
  if (/^\d+$/.test(base)) base = 'ref' + base;
  let name = base;
  for (let n = 2; taken(name); n++) name = `${base}-${n}`;
  return name;
}

/** Where a ref's name is written: the span to replace, and how the value around it is quoted. */
export interface RefNameSpan {
  start: number;
  end: number;
  /** The quote around the value, or '' when unquoted. */
  quote: '"' | "'" | '';
  /** The whole value as written (quotes included), for when the quoting must change. */
  valueStart: number;
  valueEnd: number;
  /** True when the name is a template parameter value (`{{r|x}}`, `{{efn|name=x}}`, `{{#tag:ref||name=x}}`). */
  inTemplate: boolean;
}

/** The span of a ref's name without quotes and surrounding whitespace, or null when the ref has no name. */
export function refNameSpan(src: string, ref: RefUse): RefNameSpan | null {
  const node = ref.nameNode;
  if (!node || ref.name === null) return null;
  let s = node.start, e = node.end;
  if (node.type === 'ParameterValue') {
    // Comments at the edges of a template value are not part of the name (Cite never sees them).
    ({ start: s, end: e } = withoutEdgeComments(node));
  }
  while (s < e && isWhitespace(src.charCodeAt(s))) s++;
  while (e > s && isWhitespace(src.charCodeAt(e - 1))) e--;
  const valueStart = s, valueEnd = e;
  let quote: RefNameSpan['quote'] = '';
  const q = src[s];
  if (q === '"' || q === "'") {
    // An unbalanced quote runs to the end of the attributes (MediaWiki's Sanitizer): strip the opener only.
    quote = q;
    s++;
    if (e > s && src[e - 1] === q) e--;
    while (s < e && isWhitespace(src.charCodeAt(s))) s++;
    while (e > s && isWhitespace(src.charCodeAt(e - 1))) e--;
  }
  return { start: s, end: e, quote, valueStart, valueEnd, inTemplate: node.type === 'ParameterValue' };
}
