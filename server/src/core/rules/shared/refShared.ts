import { trimChar } from '../../safeText';
/** What several ref rules share: grouping refs by group and name, and the range a ref diagnostic points at. */
import type { RefUse } from '../../model';

/** Key of a ref in the Cite extension's sense: group and name. */
export function refKey(r: { group: string; name: string | null }): string {
  return `${r.group}\u0000${r.name}`;
}

/**
 * Key of a ref for definitions and reuses: group, name and the stretch of the page between two lists of that
 * group (Cite resets a group at each of its `<references>`).
 */
export function refScopeKey(r: { group: string; name: string | null; listSection: number }): string {
  return `${r.group}\u0000${r.name}\u0000${r.listSection}`;
}

/** The range to underline for a ref: its name value, else its open tag (or template). */
export function refRange(r: RefUse): { start: number; end: number } {
  if (r.nameNode) return { start: r.nameNode.start, end: r.nameNode.end };
  return { start: r.tagNode.start, end: r.tagNode.end };
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
