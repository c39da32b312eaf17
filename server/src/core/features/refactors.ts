/**
 * Refactorings of refs (kind `refactor.rewrite`): a bare-URL ref to `{{cite web}}`, name an unnamed ref
 * and reuse it where its content repeats, and turn every reusable duplicate definition into a reuse.
 */
import type { Analysis } from '../analysis';
import type { LintOptions } from '../lint/lint';
import { todayUtc } from '../lint/lint';
import type { RefUse } from '../model';
import { ExtensionTagNode } from '../parser/nodes';
import { formatDate } from '../cs1/dates';
import { quoteRefName, refKey, reuseTag as reuseTagOf, suggestRefName } from '../refNames';
import { dateFormatFor } from '../citationInfo';
import type { Refactor, TextEdit } from './types';

/** The code action kind of every refactoring here. */
export const REWRITE_KIND = 'refactor.rewrite';

function wants(only: string[] | undefined): boolean {
  return !only || only.some((o) => REWRITE_KIND === o || REWRITE_KIND.startsWith(o + '.'));
}

type Edit = TextEdit;

function action(title: string, edits: Edit[]): Refactor {
  return { title, kind: REWRITE_KIND, edits: edits.sort((x, y) => x.start - y.start) };
}

// A ref whose content a reuse may replace: written as a tag, not nested, not list-defined.
function replaceable(r: RefUse): r is RefUse & { node: ExtensionTagNode; content: NonNullable<RefUse['content']> } {
  return r.syntax === 'tag' && r.node instanceof ExtensionTagNode && r.isDefinition && !r.nestedIn && !r.listDefined;
}

function reuseTag(name: string, group: string): string {
  return reuseTagOf({ name, group });
}

function overlaps(r: RefUse, start: number, end: number): boolean {
  return start === end ? r.node.start <= start && start <= r.node.end : r.node.start < end && start < r.node.end;
}

/** Computes the refactorings offered for a range. */
export function refactors(a: Analysis, start: number, end: number, options: LintOptions, only?: string[]): Refactor[] {
  if (!wants(only)) return [];
  const actions: Refactor[] = [];
  const refs = a.model.refs;
  const here = refs.filter((r) => overlaps(r, start, end));
  for (const r of here) {
    const converted = bareUrlCitation(a, r, options);
    if (converted) actions.push(action('Convert bare URL to {{cite web}}', [converted]));
  }
  const named = nameAndReuse(a, here);
  if (named) actions.push(action(named.title, named.edits));
  const all = duplicatesToReuses(a);
  if (all) actions.push(action(all.title, all.edits));
  return actions;
}

/** `<ref>http://x</ref>` or `<ref>[http://x Title]</ref>` → `{{cite web}}` inside the ref. */
function bareUrlCitation(a: Analysis, r: RefUse, options: LintOptions): Edit | null {
  if (r.syntax !== 'tag' || !r.content) return null;
  const text = r.content.text;
  const trimmedStart = r.content.start + (text.length - text.trimStart().length);
  const trimmedEnd = r.content.end - (text.length - text.trimEnd().length);
  const body = text.trim();
  // one space after the URL, the rest (trimmed below) is the title: `\s+([^\]]*)` backtracked quadratically over spaces
  const m = /^\[((?:https?:)?\/\/[^\s\]<>"[]+)(?:\s([^\]]*))?\]$/.exec(body) ?? /^((?:https?:)?\/\/[^\s\]<>"[|{}]+)()$/.exec(body);
  if (!m) return null;
  const url = m[1];
  const title = (m[2] ?? '').trim().replace(/\|/g, '{{!}}');
  const date = formatDate(options.today ?? todayUtc(), dateFormatFor(a, options));
  return {
    start: trimmedStart,
    end: trimmedEnd,
    newText: `{{cite web |url=${url} |title=${title || '<!-- Title -->'} |access-date=${date}}}`,
  };
}

function takenNames(a: Analysis): Set<string> {
  const taken = new Set<string>();
  for (const r of a.model.refs) if (r.name !== null) taken.add(refKey(r));
  return taken;
}

/** Cursor on an unnamed ref whose content repeats: name the first of them, reuse it in the others. */
function nameAndReuse(a: Analysis, here: RefUse[]): { title: string; edits: Edit[] } | null {
  const target = here.find((r) => r.name === null && replaceable(r));
  if (!target) return null;
  const content = target.content!.text.trim();
  const same = a.model.refs.filter((r) => r.name === null && r.group === target.group && replaceable(r) && r.content.text.trim() === content);
  if (same.length < 2) return null;
  const taken = takenNames(a);
  const name = suggestRefName(content, (n) => taken.has(refKey({ group: target.group, name: n })));
  const first = same[0] as RefUse & { node: ExtensionTagNode };
  const openEnd = first.node.openTag.end - 1;
  const edits: Edit[] = [{ start: openEnd, end: openEnd, newText: ` name=${quoteRefName(name)}` }];
  for (const r of same.slice(1)) edits.push({ start: r.node.start, end: r.node.end, newText: reuseTag(name, r.group) });
  return { title: `Name this ref "${name}" and reuse it (${same.length - 1} ${same.length === 2 ? 'copy' : 'copies'})`, edits };
}

/**
 * Every later definition whose content equals an earlier definition of the same name becomes a reuse;
 * unnamed refs with the content of a named one reuse that name; identical unnamed refs get a name.
 */
function duplicatesToReuses(a: Analysis): { title: string; edits: Edit[] } | null {
  const edits: Edit[] = [];
  // The name a content is known by, per group: the first named definition with that content.
  const namedByContent = new Map<string, string>();
  const firstDefinition = new Map<string, string>();
  for (const r of a.model.refs) {
    if (!r.isDefinition || r.name === null || r.nestedIn) continue;
    const key = refKey(r);
    const content = r.content!.text.trim();
    const ck = `${r.group}\u0000${content}`;
    if (!namedByContent.has(ck)) namedByContent.set(ck, r.name);
    if (!firstDefinition.has(key)) firstDefinition.set(key, content);
    else if (firstDefinition.get(key) === content && replaceable(r)) {
      edits.push({ start: r.node.start, end: r.node.end, newText: reuseTag(r.name, r.group) });
    }
  }
  const taken = takenNames(a);
  const unnamedGroups = new Map<string, RefUse[]>();
  for (const r of a.model.refs) {
    if (r.name !== null || !replaceable(r)) continue;
    const ck = `${r.group}\u0000${r.content.text.trim()}`;
    const existing = namedByContent.get(ck);
    if (existing !== undefined) {
      edits.push({ start: r.node.start, end: r.node.end, newText: reuseTag(existing, r.group) });
      continue;
    }
    const list = unnamedGroups.get(ck);
    if (list) list.push(r);
    else unnamedGroups.set(ck, [r]);
  }
  for (const same of unnamedGroups.values()) {
    if (same.length < 2) continue;
    const first = same[0] as RefUse & { node: ExtensionTagNode };
    const name = suggestRefName(first.content!.text.trim(), (n) => taken.has(refKey({ group: first.group, name: n })));
    taken.add(refKey({ group: first.group, name }));
    const openEnd = first.node.openTag.end - 1;
    edits.push({ start: openEnd, end: openEnd, newText: ` name=${quoteRefName(name)}` });
    for (const r of same.slice(1)) edits.push({ start: r.node.start, end: r.node.end, newText: reuseTag(name, r.group) });
  }
  if (!edits.length) return null;
  const reuses = edits.filter((e) => e.start !== e.end).length;
  return { title: `Turn all ${reuses} reusable duplicate ${reuses === 1 ? 'ref' : 'refs'} into reuses`, edits };
}
