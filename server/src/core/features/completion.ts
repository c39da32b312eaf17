/**
 * Completion while typing, usually in an unclosed construct: the parser turns an unclosed `{{` into text,
 * so the context comes from the tree (a closed template around the cursor) and from a short backward scan
 * of the text before the cursor (an open `{{`, `<ref name="`, `<`, `[[`; `core/templateContext.ts`).
 * Nothing rescans the document.
 */
import type { Analysis } from '../analysis';
import type { LintOptions } from '../lint/lint';
import { todayUtc } from '../lint/lint';
import cs1Templates from '../../../data/cs1-templates.json';
import {
  allParameterDefinitions, citationTemplate, isParameterAcceptedBy, normaliseTemplateName, isParameterIgnoredBy, lookupParameter, type CitationTemplateInfo, type ParameterDefinition,
} from '../cs1/parameters';
import { formatDate, detectDateFormat, MAX_DATE_LENGTH, type CalendarDate } from '../cs1/dates';
import { formatLocalDate, insertionPattern, localFormatOf } from '../cs1/datesLocal';
import { citationNames, type CitationNames } from '../citations';
import type { CitationProfile } from '../profile';
import { waybackTimestampDate } from '../cs1/urls';
import { dateFormatFor, escapeMarkdown, refContentPreview, URL_STATUS_MEANINGS } from '../citationInfo';
import { templateContextAt, type TemplateContext } from '../templateContext';
import { isNotCitation, localCitationTemplates, usualLocalParameters } from '../localCitations';
import type { CompletionEntry } from './types';

/** The completions at an offset (an empty list when nothing fits). */
export interface CompletionResult {
  items: CompletionEntry[];
}

/** An edit replacing `[start, end)` (the typed prefix up to the cursor). */
interface Replace { start: number; end: number }
const replace = (r: Replace, newText: string) => ({ start: r.start, end: r.end, newText });

const DATE_PARAMS = new Set(['date', 'access-date', 'archive-date', 'publication-date']);

function citationDateValues(present: TemplateContext['present'], lookup: (name: string) => ReturnType<typeof lookupParameter>): string[] {
  const out: string[] = [];
  for (const p of present) {
    const l = lookup(p.name);
    if (l.known && DATE_PARAMS.has(l.canonical) && p.value) out.push(p.value);
  }
  return out;
}

/**
 * How a date inserted on a profiled wiki is written: the citation's own local format (a pattern of the profile), ISO
 * when the citation's dates are ISO, else the profile's first full format; ISO on a non-English wiki whose profile
 * has none. Undefined (the English choice: the page's, the citation's, the configured format) without a profile or on
 * an English one with no formats.
 */
function localDatePattern(profile: CitationProfile | undefined, citationDates: readonly string[]): string | null | undefined {
  if (!profile) return undefined;
  const dates = profile.dates;
  if (dates) {
    for (const v of citationDates) {
      const f = localFormatOf(v, dates, MAX_DATE_LENGTH);
      if (f && /D/.test(f)) return f;
    }
    if (detectDateFormat(citationDates) === 'ymd') return null;
    const f = insertionPattern(dates, 'full');
    if (f) return f;
  }
  return profile.lang && profile.lang !== 'en' ? null : undefined;
}

/** A date as inserted here: in the wiki's pattern, ISO (null), or the English format. */
function writeDate(date: CalendarDate, pattern: string | null | undefined, english: () => 'dmy' | 'mdy' | 'iso', profile: CitationProfile | undefined): string {
  if (pattern === null) return formatDate(date, 'iso');
  if (pattern !== undefined) return formatLocalDate(date, pattern, profile!.dates!);
  return formatDate(date, english());
}

/** Computes completions at an offset. */
export function completion(a: Analysis, offset: number, options: LintOptions): CompletionResult {
  const empty: CompletionResult = { items: [] };
  if (offset < 0 || offset > a.text.length) return empty;
  const src = a.text;
  const before = src.slice(Math.max(0, offset - 300), offset);
  const range = (start: number): Replace => ({ start, end: offset });

  const refName = /<ref\b[^<>]*?\bname\s*=\s*(?:(["'])([^"'<>]*)|([^\s"'<>/]*))$/i.exec(before);
  if (refName) {
    const typed = refName[2] ?? refName[3] ?? '';
    return { items: refNameItems(a, range(offset - typed.length), refName[1] === undefined) };
  }
  const tag = /<(\/?[a-zA-Z]*)$/.exec(before);
  if (tag) return { items: tagItems(a, offset, range(offset - tag[0].length)) };
  const link = /\[\[([^[\]{}<>|\n]*)$/.exec(before);
  if (link) return { items: linkItems(a, range(offset - link[1].length)) };

  const ctx = templateContextAt(a, offset);
  if (!ctx) return empty;
  const today = options.today ?? todayUtc();
  const where = ctx.where;
  // a citation profile's names and dates (`{{Internetquelle|abruf=` is an access date written as dewiki writes dates)
  const profile = a.citationProfile ?? options.citationProfile;
  if (where.kind === 'name') {
    const closed = src.startsWith('}}', offset) || ctx.node !== null;
    const todayText = writeDate(today, localDatePattern(profile, []), () => dateFormatFor(a, options), profile);
    return { items: templateNameItems(a, range(where.prefixStart), todayText, closed, profile) };
  }
  const names: CitationNames | undefined = profile ? citationNames(profile) : undefined;
  if (where.kind === 'param-name') {
    // a local template a citation profile maps (dewiki's {{Internetquelle}}): its own parameter names
    const local = names && citationTemplate(ctx.name)?.name !== names.templateInfo(ctx.name)?.name ? names.templateInfo(ctx.name) : undefined;
    // its TemplateData names, else the usual parameters as the wiki-wide map spells them (frwiki's {{Lien web|titre=}})
    const own = local ? names!.ownParameters(ctx.name) ?? wikiWideParameters(profile!, ctx.name, local) : undefined;
    if (local && own) return { items: localParameterItems(ctx, local, own, range(where.prefixStart)) };
    if (!ctx.info) return empty;
    return { items: parameterItems(ctx, ctx.info, range(where.prefixStart)) };
  }
  const info = names ? names.templateInfo(ctx.name) : ctx.info;
  if (!info) return empty;
  const own = names?.ownParameters(ctx.name);
  const lookupHere = (name: string) => (names ? names.paramLookup(name, own) : lookupParameter(name));
  const lookup = lookupHere(where.param);
  if (!lookup.known) return empty;
  const def = lookup.definition;
  const r = range(where.prefixStart);
  if (def.values) {
    const items = def.values.map((v, i): CompletionEntry => {
      const meaning = def.name === 'url-status' ? URL_STATUS_MEANINGS[v] : undefined;
      return {
        label: v, kind: 'enum-member', sortText: String(i).padStart(2, '0'), edit: replace(r, v),
        ...(meaning ? { documentation: meaning } : {}),
      };
    });
    // the wiki's own keywords (a citation profile's values: viwiki's hư for dead), after CS1's, each saying which it is
    const local = profile?.values && Object.prototype.hasOwnProperty.call(profile.values, def.name) ? profile.values[def.name] : undefined;
    if (local) {
      for (const [word, cs1] of Object.entries(local)) {
        if (def.values.includes(word)) continue;
        const meaning = def.name === 'url-status' ? URL_STATUS_MEANINGS[cs1] : undefined;
        items.push({
          label: word, kind: 'enum-member', detail: `this wiki's word for ${cs1}`, sortText: `1${String(items.length).padStart(3, '0')}`, edit: replace(r, word),
          ...(meaning ? { documentation: meaning } : {}),
        });
      }
    }
    return { items };
  }
  if (def.kind === 'date' && def.name !== 'year') {
    const citationDates = citationDateValues(ctx.present, lookupHere);
    const pattern = localDatePattern(profile, citationDates);
    const english = () => dateFormatFor(a, options, citationDates);
    const items: CompletionEntry[] = [];
    if (def.name === 'archive-date') {
      const archiveUrl = ctx.present.find((p) => { const l = lookupHere(p.name); return l.known && l.canonical === 'archive-url'; })?.value;
      const stamp = archiveUrl ? waybackTimestampDate(archiveUrl) : undefined;
      if (stamp) {
        const text = writeDate(stamp, pattern, english, profile);
        items.push({ label: text, kind: 'value', detail: 'the date of the archive-url timestamp', sortText: '0', edit: replace(r, text) });
      }
    }
    const text = writeDate(today, pattern, english, profile);
    if (!items.some((i) => i.label === text)) {
      items.push({ label: text, kind: 'value', detail: 'today', sortText: '1', edit: replace(r, text) });
    }
    return { items };
  }
  return empty;
}

/**
 * The parameter names of a local citation template (its own map, from the citation profile), one per CS1 parameter
 * (the first local name of each), those not given yet; required ones first. Each says which CS1 parameter it is.
 */
function localParameterItems(ctx: TemplateContext, info: CitationTemplateInfo, own: Record<string, string>, r: Replace): CompletionEntry[] {
  const given = new Set<string>();
  for (const p of ctx.present) {
    if (Object.prototype.hasOwnProperty.call(own, p.name)) given.add(own[p.name]);
  }
  const seen = new Set<string>();
  const items: CompletionEntry[] = [];
  for (const [name, canonical] of Object.entries(own)) {
    if (seen.has(canonical) || given.has(canonical)) continue;
    seen.add(canonical);
    const l = lookupParameter(canonical);
    if (!l.known) continue;
    const def = l.definition;
    const required = info.required.indexOf(def.name);
    const item: CompletionEntry = {
      label: name,
      kind: 'property',
      detail: `CS1 ${canonical}${required >= 0 ? ', required' : ''}`,
      documentation: escapeMarkdown(def.description),
      sortText: required >= 0 ? `0${String(required).padStart(3, '0')}` : `1${String(items.length).padStart(3, '0')}`,
      filterText: name,
      edit: replace(r, `${name}=`),
    };
    if (def.values || def.kind === 'date') item.suggestAgain = true;
    items.push(item);
  }
  return items;
}

/**
 * A local template with no parameter map of its own: its usual parameters spelled as the wiki-wide names spell them
 * (CS1's name where the wiki has none), then the rest of the wiki-wide names, as one local name → CS1 name map.
 */
function wikiWideParameters(profile: CitationProfile, templateName: string, info: CitationTemplateInfo): Record<string, string> {
  const map: Record<string, string> = Object.create(null);
  for (const p of usualLocalParameters(profile, templateName, info)) map[p.name] = p.canonical;
  // an enumerated pattern (`họ#`) is no name to offer
  for (const [name, canonical] of Object.entries(profile.parameters)) if (!(name in map) && !name.includes('#')) map[name] = canonical;
  return map;
}

/** Snippet text: `$`, `}` and `\` are escaped inside placeholders. */
function snippetEscape(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/**
 * Template names: a citation profile's own citation templates first (dewiki's `Internetquelle`, with a snippet of its
 * own parameter names: `|titel=`, `|abruf=` today as the wiki writes dates), then CS1's (less those the wiki does not
 * cite with, frwiki's `citation`), then the templates used on the page.
 */
function templateNameItems(a: Analysis, r: Replace, today: string, closed: boolean, profile: CitationProfile | undefined): CompletionEntry[] {
  const items: CompletionEntry[] = [];
  const seen = new Set<string>();
  const names = profile ? citationNames(profile) : undefined;
  localCitationTemplates(profile).forEach(({ name, info }, i) => {
    const params = usualLocalParameters(profile, name, info);
    let n = 0;
    const snippetParams = params.map((p) => `|${snippetEscape(p.name)}=\${${++n}${p.canonical === 'access-date' ? `:${snippetEscape(today)}` : ''}}`);
    const snippet = `${snippetEscape(name)} ${snippetParams.join(' ')}${closed ? '' : '}}'}$0`;
    seen.add(normaliseTemplateName(name));
    items.push({
      label: name,
      kind: 'snippet',
      detail: `citation of this wiki (CS1 ${info.name})`,
      documentation: `This wiki's citation template, checked as CS1's {{${escapeMarkdown(info.name)}}}. ${escapeMarkdown(info.description)}\n\nUsual parameters: ${params.map((p) => `\`${p.name}\`${p.name === p.canonical ? '' : ` (${p.canonical})`}`).join(', ')}`,
      sortText: `0!${String(i).padStart(3, '0')}`,
      filterText: name,
      snippet: true,
      edit: replace(r, snippet),
    });
  });
  cs1Templates.templates.forEach((raw, i) => {
    const info = citationTemplate(raw.name)!;
    if (isNotCitation(profile, info.name)) return;
    let n = 0;
    const params = info.usualParameters.map((p) => `|${p}=\${${++n}${p === 'access-date' ? `:${snippetEscape(today)}` : ''}}`);
    const snippet = `${info.name} ${params.join(' ')}${closed ? '' : '}}'}$0`;
    seen.add(info.name);
    items.push({
      label: info.name,
      kind: 'snippet',
      detail: `CS1 citation (${info.citationClass})`,
      documentation: `${escapeMarkdown(info.description)}\n\nUsual parameters: ${info.usualParameters.map((p) => `\`${p}\``).join(', ')}`,
      sortText: `0${String(i).padStart(3, '0')}`,
      filterText: info.name,
      snippet: true,
      edit: replace(r, snippet),
    });
  });
  const counts = new Map<string, number>();
  for (const t of a.model.templates) if (t.name) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
  for (const [name, count] of counts) {
    if ((names ? names.templateInfo(name) : citationTemplate(name)) || seen.has(name.toLowerCase()) || seen.has(normaliseTemplateName(name))) continue;
    items.push({
      label: name,
      kind: 'reference',
      detail: `template used ${count === 1 ? 'once' : `${count} times`} on this page`,
      sortText: `1${name}`,
      edit: replace(r, name),
    });
  }
  return items;
}

// Numbered definitions (last#) are offered once: the bare form when unused, else the next number.
function parameterItems(ctx: TemplateContext, info: CitationTemplateInfo, r: Replace): CompletionEntry[] {
  const cls = info.citationClass;
  const present = new Set<ParameterDefinition>();
  const maxEnumerator = new Map<ParameterDefinition, number>();
  for (const p of ctx.present) {
    const l = lookupParameter(p.name);
    if (!l.known) continue;
    present.add(l.definition);
    if (l.enumerator) maxEnumerator.set(l.definition, Math.max(maxEnumerator.get(l.definition) ?? 0, l.enumerator));
  }
  // The template's usual spelling of a parameter (cite journal lists journal, an alias of work).
  const usual = new Map<ParameterDefinition, { spelling: string; index: number }>();
  info.usualParameters.forEach((spelling, index) => {
    const l = lookupParameter(spelling);
    if (l.known && !usual.has(l.definition)) usual.set(l.definition, { spelling, index });
  });
  const items: CompletionEntry[] = [];
  for (const def of allParameterDefinitions()) {
    let name: string;
    const usualEntry = usual.get(def);
    if (def.numbered) {
      const max = maxEnumerator.get(def);
      name = max === undefined ? def.name.replace('#', '') : def.name.replace('#', String(max + 1));
    } else {
      if (present.has(def)) continue;
      name = usualEntry?.spelling ?? def.name;
    }
    if (!isParameterAcceptedBy(name, cls) || isParameterIgnoredBy(name, cls)) continue;
    const requiredIndex = info.required.indexOf(def.name);
    const usualIndex = usualEntry?.index ?? -1;
    const sortText = requiredIndex >= 0 ? `0${String(requiredIndex).padStart(3, '0')}`
      : usualIndex >= 0 ? `1${String(usualIndex).padStart(3, '0')}`
        : `2${name}`;
    const aliases = def.aliases.map((x) => `\`${x.replace('#', def.numbered ? '' : '#')}\``);
    const doc = `${escapeMarkdown(def.description)}${aliases.length ? `\n\nAliases: ${aliases.join(', ')}` : ''}${def.values ? `\n\nValues: ${def.values.map((v) => `\`${v}\``).join(', ')}` : ''}`;
    const item: CompletionEntry = {
      label: name,
      kind: 'property',
      detail: requiredIndex >= 0 ? 'required' : usualIndex >= 0 ? 'usual' : undefined,
      documentation: doc,
      sortText,
      filterText: name,
      edit: replace(r, `${name}=`),
    };
    // Values and dates have their own completions: ask the editor to show them right away.
    if (def.values || def.kind === 'date') item.suggestAgain = true;
    if (item.detail === undefined) delete item.detail;
    items.push(item);
  }
  return items;
}

function refNameItems(a: Analysis, r: Replace, quote: boolean): CompletionEntry[] {
  const byKey = new Map<string, { name: string; group: string; uses: number; definition: Analysis['model']['refs'][number] | null }>();
  for (const ref of a.model.refs) {
    if (ref.name === null) continue;
    const key = `${ref.group}\u0000${ref.name}`;
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, entry = { name: ref.name, group: ref.group, uses: 0, definition: null });
    entry.uses++;
    if (!entry.definition && ref.isDefinition) entry.definition = ref;
  }
  const items: CompletionEntry[] = [];
  for (const e of byKey.values()) {
    const text = quote ? `"${e.name}"` : e.name;
    items.push({
      label: e.name,
      kind: 'reference',
      detail: `${e.group ? `group "${e.group}", ` : ''}used ${e.uses === 1 ? 'once' : `${e.uses} times`}${e.definition ? '' : ', never defined'}`,
      ...(e.definition ? { documentation: refContentPreview(a, e.definition) } : {}),
      filterText: text,
      edit: replace(r, text),
    });
  }
  return items;
}

const TAGS: readonly { label: string; snippet: string; detail: string }[] = [
  { label: 'ref', snippet: '<ref>$0</ref>', detail: 'footnote' },
  { label: 'ref name', snippet: '<ref name="$1">$0</ref>', detail: 'named footnote' },
  { label: 'ref reuse', snippet: '<ref name="$1" />', detail: 'reuse of a named footnote' },
  { label: 'references', snippet: '<references />', detail: 'reference list' },
  { label: 'nowiki', snippet: '<nowiki>$0</nowiki>', detail: 'text not parsed as wikitext' },
  { label: '!--', snippet: '<!-- $0 -->', detail: 'comment' },
  { label: 'br', snippet: '<br />', detail: 'line break' },
  { label: 'small', snippet: '<small>$0</small>', detail: 'small text' },
  { label: 'sup', snippet: '<sup>$0</sup>', detail: 'superscript' },
  { label: 'sub', snippet: '<sub>$0</sub>', detail: 'subscript' },
  { label: 'blockquote', snippet: '<blockquote>$0</blockquote>', detail: 'block quotation' },
  { label: 'code', snippet: '<code>$0</code>', detail: 'inline code' },
  { label: 'syntaxhighlight', snippet: '<syntaxhighlight lang="$1">\n$0\n</syntaxhighlight>', detail: 'highlighted code' },
  { label: 'math', snippet: '<math>$0</math>', detail: 'formula' },
  { label: 'gallery', snippet: '<gallery>\n$0\n</gallery>', detail: 'image gallery' },
  { label: 'poem', snippet: '<poem>\n$0\n</poem>', detail: 'verse, line breaks kept' },
];

function tagItems(a: Analysis, offset: number, r: Replace): CompletionEntry[] {
  const items: CompletionEntry[] = TAGS.map((t, i): CompletionEntry => ({
    label: t.label, kind: 'snippet', detail: t.detail, sortText: `1${String(i).padStart(2, '0')}`,
    filterText: `<${t.label}`, snippet: true, edit: replace(r, t.snippet),
  }));
  // An unclosed <ref> before the cursor: offer its closing tag first.
  const unclosed = a.doc.unclosed;
  for (let i = unclosed.length - 1; i >= 0; i--) {
    const u = unclosed[i];
    if (u.start >= offset) continue;
    if (u.kind === 'extension-tag' && u.name === 'ref') {
      items.unshift({ label: '/ref', kind: 'snippet', detail: 'close the open <ref>', sortText: '0', filterText: '</ref', edit: replace(r, '</ref>') });
    }
    break;
  }
  return items;
}

function linkItems(a: Analysis, r: Replace): CompletionEntry[] {
  const counts = new Map<string, number>();
  for (const w of a.model.wikilinks) if (w.target) counts.set(w.target, (counts.get(w.target) ?? 0) + 1);
  const items: CompletionEntry[] = [];
  for (const [target, count] of counts) {
    items.push({
      label: target,
      kind: 'file',
      detail: `linked ${count === 1 ? 'once' : `${count} times`} on this page`,
      edit: replace(r, target),
    });
  }
  return items;
}
