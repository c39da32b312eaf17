/** What the citation rules share: parameter ranges, inserting a parameter in the citation's own style, date formats. */
import { citationNames, keywordValue, type Citation, type CitationParam } from '../../citations';
import type { Day, RuleContext, TextEdit } from '../../lint/types';
import { detectDateFormat, formatDate, parseCs1DateCached } from '../../cs1/dates';
import type { CitationDates, CitationProfile } from '../../profile';
import { lookupParameter } from '../../cs1/parameters';
import { externalLinkIn, urlErrorCached } from '../../cs1/urls';
import { etAlIn, etAlList, externalLinkAllowed, extraText, invalidKeyword, invisibleCharIn, markupForbidden, stripApostropheMarkup } from '../../cs1/values';
import type { ParameterNode } from '../../parser/nodes';
import { leadingSpace, trailingSpace } from '../../safeText';
import { insertionDateFormat } from '../../text';

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
  // another wiki's citation module may not read English month names: ISO is accepted by every one
  if (insertsIso(ctx.citationProfile)) return 'iso';
  const own = detectDateFormat(['date', 'access-date', 'archive-date', 'publication-date'].map((n) => c.value(n)).filter(Boolean));
  return insertionDateFormat(ctx.model.dateFormat, own, ctx.fallbackDateFormat);
}

/**
 * The name a parameter has in this citation's template on this wiki, for a fix that adds it: the template's own local
 * name (dewiki's {{Internetquelle}} takes `abruf`, not `access-date`), else the wiki-wide one, else CS1's.
 */
export function localParamName(profile: CitationProfile | undefined, c: Citation, canonical: string): string {
  if (!profile) return canonical;
  const own = citationNames(profile).ownParameters(c.template.name);
  // a template that takes CS1's names itself (a CS1-style {{Cite web}} on that wiki, local names as aliases) gets
  // CS1's; one with names of its own that also accepts some English aliases ({{Internetquelle|titel=}}, alias
  // |title=) gets its own first name for it (its TemplateData's main name comes before the aliases)
  if (own && own[canonical] === canonical && takesCs1Names(own)) return canonical;
  for (const map of [own, profile.parameters]) {
    if (!map) continue;
    for (const [local, en] of Object.entries(map)) if (en === canonical) return local;
  }
  return canonical;
}

/** True when most of the CS1 parameters a template's own map names are named there as CS1 names them. */
function takesCs1Names(own: Record<string, string>): boolean {
  const meanings = new Set(Object.values(own));
  let cs1 = 0;
  for (const m of meanings) if (own[m] === m) cs1++;
  return cs1 * 2 > meanings.size;
}

/** True when dates inserted by fixes are written as ISO: a citation profile for a wiki that is not English. */
export function insertsIso(profile: CitationProfile | undefined): boolean {
  return !!profile && (!!profile.dates || !/^en(-|$)/i.test(profile.lang ?? ''));
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
    const [beforeName, beforeEq, afterEq0] = raw.startsWith('|') && eq > 0
      ? splitNameSpacing(raw.slice(1, eq), raw.slice(eq + 1))
      : ['', '', ''];
    // the parser may keep the space after "=" in the value: copy it from there (`| url = x` gives `| access-date = d`)
    const afterEq = afterEq0 || /^[ \t]*/.exec(src.slice(p.valueNode.start, p.valueNode.end))![0];
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

/** The url-status values that mark the original link dead (CS1 links the archive first). */
export const DEAD_STATUSES: ReadonlySet<string> = new Set(['dead', 'deviated']);
/** The removed |deadurl=/|dead-url= values that meant dead (CS1 ignores them; bots convert them to url-status=dead). */
const DEADURL_DEAD = new Set(['yes', 'y', 'true']);

/**
 * True for |deadurl= and |dead-url= in any case (removed from CS1; cite-deprecated-dead-url reports them, and
 * cite-unknown-parameter leaves them to it). Lower-cases only names of their length: it runs on every parameter.
 */
export function isDeadUrlName(name: string): boolean {
  if (name.length !== 7 && name.length !== 8) return false;
  const key = name.toLowerCase();
  return key === 'deadurl' || key === 'dead-url';
}

/**
 * How a citation marks its original link dead, if it does: `|url-status=dead|deviated`, or the removed
 * `|deadurl=yes` / `|dead-url=yes` (still what the editor meant, and what a fix turns into url-status=dead).
 * `param` is the parameter carrying the mark; `status` its url-status meaning.
 */
export function deadMark(c: Citation): { param: CitationParam; status: string } | undefined {
  const status = c.get('url-status');
  if (status) return DEAD_STATUSES.has(keywordValue(status)) ? { param: status, status: keywordValue(status) } : undefined;
  for (let i = c.params.length - 1; i >= 0; i--) {
    const p = c.params[i];
    if (isDeadUrlName(p.name) && DEADURL_DEAD.has(p.value.toLowerCase())) return { param: p, status: 'dead' };
  }
  return undefined;
}

/** True when the citation's link is marked dead in any way a reader would see: dead/unfit/usurped status, deadurl=yes, {{dead link}}. */
export function isMarkedDead(c: Citation): boolean {
  const status = c.value('url-status');
  if (status && (DEAD_STATUSES.has(status) || status === 'unfit' || status === 'usurped')) return true;
  return !!deadMark(c) || !!c.deadLinkTag;
}

/**
 * The citation's URL for rules that ask whether it has one: |url=, else |chapter-url= (and its aliases), else the
 * removed |chapterurl= that CS1 still reads as the chapter URL in older copies (a URL is a URL to a reader).
 */
export function citationUrl(c: Citation): CitationParam | undefined {
  const u = c.get('url') ?? c.get('chapter-url');
  if (u) return u;
  for (let i = c.params.length - 1; i >= 0; i--) if (c.params[i].name === 'chapterurl' && c.params[i].value !== '') return c.params[i];
  return undefined;
}

/**
 * Why a value would be reported once it sits in the parameter `canonical` (a date CS1 cannot read, a URL it
 * rejects, a keyword outside its list, markup, an external link, an invisible character...), or undefined when
 * nothing would be. A fix that moves a value into a parameter is safe only when this says nothing.
 */
export function valueProblemFor(canonical: string, value: string, today: Day, dates?: CitationDates): string | undefined {
  if (value === '') return undefined;
  const lookup = lookupParameter(canonical);
  const kind = lookup.known ? lookup.definition.kind : undefined;
  if (kind === 'date' || DATE_KINDS.has(canonical)) {
    if (canonical !== 'orig-date' && dates?.check !== false && !parseCs1DateCached(value, canonical, today, dates).ok) return 'not a date CS1 accepts';
  }
  if (kind === 'url' || canonical === 'url' || canonical === 'archive-url' || canonical === 'chapter-url') {
    const e = urlErrorCached(value);
    if (e) return e;
  } else if (!externalLinkAllowed(canonical) && externalLinkIn(value)) return 'an external link';
  if (kind === 'identifier') return 'an identifier (checked by its own rules)';
  const kw = invalidKeyword(canonical, value);
  if (kw) return kw;
  if (markupForbidden(canonical) && stripApostropheMarkup(value) !== undefined) return 'italic or bold markup';
  if (invisibleCharIn(value)) return 'an invisible character';
  if (extraText(canonical, value)) return 'extra text';
  if (etAlList(canonical) && etAlIn(value)) return '"et al."';
  return undefined;
}
const DATE_KINDS = new Set(['date', 'access-date', 'archive-date', 'publication-date', 'year', 'doi-broken-date', 'pmc-embargo-date', 'lay-date']);

/** The spacing around a parameter name: before it, after it, and after the `=` (all empty when it is not plain spacing). */
function splitNameSpacing(name: string, afterEq: string): [string, string, string] {
  if (trailingSpace(afterEq) !== afterEq) return ['', '', ''];
  const before = leadingSpace(name);
  return [before, before.length === name.length ? '' : trailingSpace(name), afterEq];
}
