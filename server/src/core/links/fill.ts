/**
 * Fill Citation (pure): which refs and citations can be filled from their URL, the page's citation style
 * (template name case, spacing, parameter order, date format), and the citation text built from metadata.
 */
import type { DocumentModel, RefUse } from '../model';
import type { Citation } from '../citations';
import type { Day, TextEdit } from '../lint/types';
import { detectDateFormat, formatDate } from '../cs1/dates';
import { insertParam } from '../rules/shared/citeShared';
import type { PageMetadata, PersonName } from './metadata';

/** A ref or citation that Fill Citation can complete. */
export interface FillCandidate {
  kind: 'bare-ref' | 'citation-no-title';
  url: string;
  /** The range the fill replaces (the ref's trimmed content) or the citation's range. */
  start: number;
  end: number;
  ref?: RefUse;
  citation?: Citation;
}

const BARE = /^(https?:\/\/[^\s<>[\]{}|]+)$/i;
const BRACKETED = /^\[(https?:\/\/[^\s<>[\]{}|]+)(?:\s+[^\]\n]*)?\]$/i;

/** Bare URL refs (`<ref>https://...</ref>`, `<ref>[https://... text]</ref>`) and citations with a URL and no title. */
export function fillCandidates(model: DocumentModel, citations: readonly Citation[]): FillCandidate[] {
  const out: FillCandidate[] = [];
  for (const r of model.refs) {
    if (!r.content || r.nestedIn || r.generatedName) continue;
    const raw = r.content.text;
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const m = BARE.exec(text) ?? BRACKETED.exec(text);
    if (!m) continue;
    out.push({ kind: 'bare-ref', url: m[1], start: r.content.start + lead, end: r.content.start + lead + text.length, ref: r });
  }
  for (const c of citations) {
    const url = c.get('url');
    if (!url || !/^https?:\/\//i.test(url.value) || c.get('title') || c.get('trans-title') || c.get('script-title')) continue;
    out.push({ kind: 'citation-no-title', url: url.value, start: c.template.start, end: c.template.end, citation: c });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** How the page writes its citations. */
export interface CitationStyle {
  capitalised: boolean;
  /** Before each pipe: ' ', '' or '\n'. */
  sep: string;
  /** Between the pipe and the name, and around '='. */
  beforeName: string;
  beforeEq: string;
  afterEq: string;
  /** Canonical parameter names in the order the page's first citation uses them. */
  order: string[];
  dateFormat: 'dmy' | 'mdy' | 'iso';
}

/** The page's citation style, from its citations (defaults: `{{cite web |url=... |title=...}}`, ISO dates). */
export function citationStyleOf(src: string, model: DocumentModel, citations: readonly Citation[], fallbackDateFormat: 'dmy' | 'mdy' | 'iso' = 'iso'): CitationStyle {
  const style: CitationStyle = { capitalised: false, sep: ' ', beforeName: '', beforeEq: '', afterEq: '', order: [], dateFormat: fallbackDateFormat };
  let upper = 0, lower = 0;
  for (const c of citations) {
    const first = src.slice(c.template.start + 2, c.template.end).trimStart()[0];
    if (first === 'C') upper++;
    else if (first === 'c') lower++;
  }
  style.capitalised = upper > lower;
  const model1 = citations.find((c) => c.params.length >= 3);
  if (model1) {
    const p = model1.params[1].node;
    const raw = src.slice(p.start, p.valueNode.start);
    const m = /^\|(\s*)[^=]*?(\s*)=(\s*)$/.exec(raw);
    if (m) [, style.beforeName, style.beforeEq, style.afterEq] = m;
    // the space after '=' may belong to the value
    const value = src.slice(p.valueNode.start, p.valueNode.end);
    style.afterEq += /^[ \t]*/.exec(value)![0];
    const prevValue = src.slice(model1.params[0].node.valueNode.start, model1.params[0].node.valueNode.end);
    const trailing = /\s*$/.exec(prevValue)![0];
    style.sep = trailing.includes('\n') ? '\n' : trailing ? ' ' : '';
    style.order = model1.params.filter((x) => x.lookup.known).map((x) => (x.lookup.known ? x.lookup.canonical.replace(/\d+$/, '') : ''));
  }
  if (model.dateFormat) style.dateFormat = model.dateFormat;
  else {
    const values: string[] = [];
    for (const c of citations) for (const n of ['date', 'access-date', 'archive-date']) { const v = c.value(n); if (v) values.push(v); }
    const f = detectDateFormat(values);
    if (f) style.dateFormat = f === 'ymd' ? 'iso' : f;
  }
  return style;
}

const DEFAULT_ORDER = ['last', 'first', 'author', 'title', 'url', 'date', 'website', 'work', 'journal', 'volume', 'issue', 'pages', 'publisher', 'location', 'language', 'doi', 'isbn', 'access-date'];

/** The parameters of a citation built from metadata, canonical names, in no particular order. */
export function citationParams(md: PageMetadata, url: string | null, today: Day, dateFormat: 'dmy' | 'mdy' | 'iso'): [string, string][] {
  const ps: [string, string][] = [];
  // a pipe or braces in a title would break the template: written as {{!}} and character references
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/\{\{/g, '&#123;&#123;').replace(/\}\}/g, '&#125;&#125;').replace(/\|/g, '{{!}}');
  md.authors.slice(0, 9).forEach((a: PersonName, i) => {
    const n = md.authors.length > 1 ? String(i + 1) : '';
    if (a.last) {
      ps.push([`last${n}`, clean(a.last)]);
      if (a.first) ps.push([`first${n}`, clean(a.first)]);
    } else if (a.name) ps.push([`author${n}`, clean(a.name)]);
  });
  if (md.title) ps.push(['title', clean(md.title)]);
  if (url) ps.push(['url', url]);
  if (md.date) ps.push(['date', formatDate(md.date, dateFormat)]);
  if (md.kind === 'journal' && md.journal) ps.push(['journal', clean(md.journal)]);
  else if (md.kind === 'news' && md.site) ps.push(['work', clean(md.site)]);
  else if (md.kind === 'web' && md.site) ps.push(['website', clean(md.site)]);
  if (md.volume) ps.push(['volume', clean(md.volume)]);
  if (md.issue) ps.push(['issue', clean(md.issue)]);
  if (md.pages) ps.push(['pages', clean(md.pages)]);
  if (md.publisher && md.publisher !== md.site) ps.push(['publisher', clean(md.publisher)]);
  if (md.location) ps.push(['location', clean(md.location)]);
  if (md.language && md.language !== 'en') ps.push(['language', md.language]);
  if (md.doi) ps.push(['doi', md.doi]);
  if (md.isbn) ps.push(['isbn', md.isbn]);
  if (url) ps.push(['access-date', formatDate(today, dateFormat)]);
  return ps;
}

function orderKey(name: string, order: string[]): number {
  let base = name.replace(/\d+$/, '');
  const n = Number(/\d+$/.exec(name)?.[0] ?? '1');
  // names stay together, in pairs: last1 first1 last2 first2 (author1 in place of a pair)
  let sub = 0;
  if (base === 'first' || base === 'author' || base === 'last') {
    sub = n * 1e-4 + (base === 'first' ? 5e-5 : 0);
    base = order.includes('last') || !order.includes('author') ? 'last' : 'author';
  }
  const at = order.indexOf(base);
  if (at >= 0) return at + sub;
  // not used by the page: right after the nearest earlier parameter of the default order that the page uses
  const d = DEFAULT_ORDER.indexOf(base);
  for (let i = d - 1; i >= 0; i--) {
    const j = order.indexOf(DEFAULT_ORDER[i]);
    if (j >= 0) return j + 0.5 + d * 1e-3 + sub;
  }
  return -1 + d * 1e-3 + sub;
}

/** The citation text in the page's style. */
export function buildCitation(md: PageMetadata, url: string | null, today: Day, style: CitationStyle): string {
  const template = `${style.capitalised ? 'C' : 'c'}ite ${md.kind}`;
  const order = style.order.length ? style.order : DEFAULT_ORDER;
  const ps = citationParams(md, url, today, style.dateFormat).map((p, i) => ({ p, i, k: orderKey(p[0], order) }));
  ps.sort((a, b) => a.k - b.k || a.i - b.i);
  const body = ps.map(({ p: [n, v] }) => `${style.sep}|${style.beforeName}${n}${style.beforeEq}=${style.afterEq}${v}`).join('');
  return `{{${template}${body}${style.sep === '\n' ? '\n' : ''}}}`;
}

/** The edit that fills one candidate: the whole ref content, or the missing parameters of a citation. */
export function fillEdit(src: string, cand: FillCandidate, md: PageMetadata, today: Day, style: CitationStyle): TextEdit | null {
  if (!md.title) return null;
  if (cand.kind === 'bare-ref') return { start: cand.start, end: cand.end, newText: buildCitation(md, cand.url, today, style) };
  const c = cand.citation!;
  const wanted = citationParams(md, null, today, style.dateFormat).filter(([n]) => {
    const base = n.replace(/\d+$/, '');
    if (base === 'last' || base === 'first' || base === 'author') return !c.get('last1') && !c.get('author1') && !c.get('last') && !c.get('author');
    return !c.get(n) && !(n === 'website' && (c.get('work') || c.get('website')));
  });
  if (!wanted.length) return null;
  const first = insertParam(src, c, ['url'], wanted[0][0], wanted[0][1]);
  let text = first.newText;
  for (const [n, v] of wanted.slice(1)) text += insertParam(src, c, ['url'], n, v).newText;
  return { start: first.start, end: first.end, newText: text };
}

/**
 * Fills every candidate whose URL has metadata: the text after the fills, and how many were filled.
 * `parsePage` parses and models the text (the caller passes lint's pieces, keeping this module free of the engine).
 */
export function fillAllEdits(src: string, model: DocumentModel, citations: readonly Citation[], metadata: (url: string) => PageMetadata | undefined, today: Day, fallbackDateFormat: 'dmy' | 'mdy' | 'iso'): TextEdit[] {
  const style = citationStyleOf(src, model, citations, fallbackDateFormat);
  const edits: TextEdit[] = [];
  for (const cand of fillCandidates(model, citations)) {
    const md = metadata(cand.url);
    if (!md) continue;
    const e = fillEdit(src, cand, md, today, style);
    if (e) edits.push(e);
  }
  return edits;
}
