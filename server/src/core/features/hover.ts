/**
 * Hover: what the thing under the cursor means. The most specific construct wins, walking outwards from
 * the deepest node: a ref name or ref tag, a citation parameter's name or value, a template name, then
 * the citation around the cursor.
 */
import { MONTH_NAMES, nodeAt, trimmedRange } from '../text';
import type { Analysis } from '../analysis';
import { keywordValue, type Citation, type CitationParam } from '../citations';
import type { RefUse } from '../model';
import { ExtensionTagNode, SyntaxNode, TemplateNode } from '../parser/nodes';
import { citationTemplate, suggestParameter, isParameterAcceptedBy, isParameterIgnoredBy, type ParameterDefinition } from '../cs1/parameters';
import { parseCs1Date, formatDate, datesChecked, MAX_DATE_LENGTH, type CalendarDate, type ValidCs1Date } from '../cs1/dates';
import { localFormatOf } from '../cs1/datesLocal';
import type { CitationProfile } from '../profile';
import { refTemplateLookup, type RefTemplateInfo } from '../refTemplates';
import { todayUtc } from '../lint/lint';
import type { Day } from '../lint/types';
import { citationOfTemplate, citationPreview, describeLinkState, escapeMarkdown, linkState, markdownUrl, refContentPreview, URL_STATUS_MEANINGS } from '../citationInfo';
import { plainTextOfWikitext } from '../plainText';
import type { HoverResult } from './types';
import { localSpeller } from '../localCitations';

/** Options of a hover request. */
export interface HoverOptions {
  /** Base URL of wiki pages (`https://en.wikipedia.org/wiki/`). */
  linkBase: string;
  /** Today's date, for date checks; defaults to the clock (UTC). */
  today?: Day;
}


/** A wiki page URL under `linkBase`, safe as a Markdown link target. */
export function pageUrl(linkBase: string, title: string): string {
  const path = encodeURIComponent(title.replace(/ /g, '_')).replace(/%3A/gi, ':').replace(/%2F/gi, '/');
  return markdownUrl(linkBase + path);
}

/** Computes the hover at an offset, or null when nothing there has one. */
export function hover(a: Analysis, offset: number, options: HoverOptions): HoverResult | null {
  const src = a.text;
  if (offset < 0 || offset > src.length) return null;
  const today = options.today ?? todayUtc();
  for (let n: SyntaxNode | null = nodeAt(a.doc, offset); n; n = n.parent) {
    if (n.type === 'ExtensionTag' && (n as ExtensionTagNode).name === 'ref') {
      const tag = n as ExtensionTagNode;
      const ref = refOfNode(a, tag);
      // Over the open tag (or a self-closing tag): the ref as a whole; inside the body: keep walking.
      if (ref && offset >= tag.openTag.start && offset < tag.openTag.end) {
        const onName = ref.nameNode && offset >= ref.nameNode.start && offset < ref.nameNode.end;
        return result(refHover(a, ref), onName ? ref.nameNode! : tag.selfClosing || !tag.body ? tag : tag.openTag);
      }
      continue;
    }
    if (n.type === 'Parameter' && n.parent?.type === 'Template') {
      const t = n.parent as TemplateNode;
      // {{r|name}} and {{efn|name=x}}: the positional names and name= of ref-making templates.
      const ref = refNamedAt(a, t, offset);
      if (ref) return result(refHover(a, ref), ref.nameNode!);
      const c = citationOfTemplate(a, t);
      const cp = c?.params.find((p) => p.node === n);
      if (c && cp) {
        const nameNode = cp.node.nameNode;
        if (nameNode && offset >= nameNode.start && offset < nameNode.end) {
          const range = trimmed(src, nameNode.start, nameNode.end);
          return result(parameterHover(c, cp), range);
        }
        if (offset >= cp.node.valueNode.start && offset <= cp.node.valueNode.end) {
          const md = valueHover(c, cp, today, a.citationProfile);
          if (md) return result(md, { start: cp.valueStart, end: cp.valueEnd });
        }
      }
      continue;
    }
    if (n.type === 'Template') {
      const t = n as TemplateNode;
      const c = citationOfTemplate(a, t);
      const onName = offset >= t.nameNode.start && offset < t.nameNode.end;
      // {{sfn|Smith|2020|p=5}}: the ref it makes (FOOTNOTESmith20205, or its local name=) and how often it is used
      const footnote = c ? undefined : shortenedFootnoteHover(a, t);
      if (onName || c || footnote) {
        const md = [templateHover(t, c, options.linkBase, a.citationProfile)];
        if (c) md.push(citationHover(a, c));
        if (footnote) md.push(footnote);
        return result(md.join('\n\n---\n\n'), onName ? trimmed(src, t.nameNode.start, t.nameNode.end) : t);
      }
    }
  }
  return null;
}

function result(markdown: string, range: { start: number; end: number }): HoverResult {
  return { markdown, start: range.start, end: range.end };
}

/** The range without surrounding whitespace, or the whole range when it is all whitespace. */
function trimmed(src: string, start: number, end: number): { start: number; end: number } {
  const r = trimmedRange(src, start, end);
  return r.start < r.end ? r : { start, end };
}

/** Index of the first ref (in document order) whose node starts at or after `start`. */
function firstRefFrom(refs: readonly RefUse[], start: number): number {
  let lo = 0, hi = refs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (refs[mid].node.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function refOfNode(a: Analysis, node: SyntaxNode): RefUse | undefined {
  const refs = a.model.refs;
  for (let i = firstRefFrom(refs, node.start); i < refs.length && refs[i].node.start === node.start; i++) if (refs[i].node === node) return refs[i];
  return undefined;
}

function refNamedAt(a: Analysis, t: TemplateNode, offset: number): RefUse | undefined {
  if (!refTemplateLookup(a.citationProfile)(t.name)) return undefined;
  const refs = a.model.refs;
  for (let i = firstRefFrom(refs, t.start); i < refs.length && refs[i].node.start === t.start; i++) {
    const r = refs[i];
    if (r.node === t && r.nameNode && offset >= r.nameNode.start && offset < r.nameNode.end) return r;
  }
  return undefined;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The defining ref's content and how often the name is used. */
function refHover(a: Analysis, ref: RefUse): string {
  const group = ref.group ? ` (group "${escapeMarkdown(ref.group)}")` : '';
  if (ref.name === null) {
    return ref.content ? `**Unnamed ref**${group}\n\n${refContentPreview(a, ref)}` : `**Empty ref**${group}`;
  }
  const uses = a.model.refs.filter((r) => r.name === ref.name && r.group === ref.group);
  const definitions = uses.filter((r) => r.isDefinition);
  const head = `**Ref "${escapeMarkdown(ref.name)}"**${group}`;
  if (!definitions.length) {
    return `${head}\n\nNever defined: no \`<ref name="${escapeMarkdown(ref.name)}">\` with content on this page. Used ${plural(uses.length, 'time')}.`;
  }
  const reuses = uses.length - definitions.length;
  const counts = `Used ${plural(uses.length, 'time')}: ${plural(definitions.length, 'definition')}, reused ${plural(reuses, 'time')}.`;
  return `${head}\n\n${refContentPreview(a, definitions[0])}\n\n${counts}`;
}

/**
 * A shortened footnote's ref: the name Module:Footnotes makes of the call's arguments (or the local `name=` a citation
 * profile lets it take), how often the page uses that ref (identical calls and `<ref name=... />` tags reuse it), and
 * the text the module renders. Undefined for any other template.
 */
function shortenedFootnoteHover(a: Analysis, t: TemplateNode): string | undefined {
  if (refTemplateLookup(a.citationProfile)(t.name)?.kind !== 'shortened-footnote') return undefined;
  const ref = refOfNode(a, t);
  if (!ref) return undefined;
  const lines: string[] = [];
  if (ref.name === null) {
    lines.push('Its ref name cannot be known here: an argument expands (a template, a variable) before Module:Footnotes reads it.');
  } else {
    const group = ref.group ? ` in group "${escapeMarkdown(ref.group)}"` : '';
    lines.push(ref.generatedName
      ? `Makes the ref "${escapeMarkdown(ref.name)}"${group} (the name Module:Footnotes builds from the authors, year and pages).`
      : `Makes the ref "${escapeMarkdown(ref.name)}"${group} (named by its \`name=\` on this wiki).`);
    let calls = 0, tags = 0;
    for (const r of a.model.refs) {
      if (r.name !== ref.name || r.group !== ref.group) continue;
      if (r.syntax === 'template') calls++;
      else tags++;
    }
    const uses = calls + tags;
    if (uses === 1) lines.push('Used once on this page.');
    else {
      const parts = [plural(calls, 'call')];
      if (tags) parts.push(`${plural(tags, '`<ref name=... />` tag')}`);
      lines.push(`Used ${plural(uses, 'time')} on this page (${parts.join(', ')}): one footnote, reused ${plural(uses - 1, 'time')}.`);
    }
  }
  // the text the module renders (links and entities as a reader sees them); unknown when an argument expands
  const shown = ref.name !== null && ref.content?.text ? plainTextOfWikitext(ref.content.text).trim() : '';
  if (shown) lines.push(`Footnote text: ${escapeMarkdown(shown)}`);
  return lines.join('\n\n');
}

// Numbered names are shown with the enumerator written: author-link# as author-link for 1, author-link2 for 2.
function spelled(name: string, enumerator: number | undefined): string {
  return name.replace('#', enumerator && enumerator > 1 ? String(enumerator) : '');
}

function parameterHover(c: Citation, cp: CitationParam): string {
  const lookup = cp.lookup;
  const cls = c.info.citationClass;
  if (!lookup.known) {
    const lines = [`**\`${escapeMarkdown(cp.name)}\`**: not a parameter of {{${escapeMarkdown(c.info.name)}}}; CS1 reports it as unknown.`];
    if (lookup.removed?.note) lines.push(escapeMarkdown(lookup.removed.note));
    const suggestion = suggestParameter(cp.name);
    if (suggestion) lines.push(`Did you mean \`${suggestion}\`?`);
    return lines.join('\n\n');
  }
  const def: ParameterDefinition = lookup.definition;
  const canonical = spelled(def.name, lookup.enumerator);
  // a citation profile's local name (`abruf`) is looked up as the CS1 name it maps to; CS1's checks read that name
  const seen = lookup.name;
  const of = seen !== cp.name ? ` (this wiki's name for \`${canonical}\`)` : cp.name !== canonical ? ` (alias of \`${canonical}\`)` : '';
  const lines = [`**\`${escapeMarkdown(cp.name)}\`**${of}: ${escapeMarkdown(def.description)}`];
  const aliases = [def.name, ...def.aliases].map((n) => spelled(n, lookup.enumerator)).filter((n) => n !== cp.name && n !== canonical);
  if (aliases.length && seen === cp.name) lines.push(`Aliases: ${aliases.map((n) => `\`${n}\``).join(', ')}`);
  if (def.values) lines.push(`Values: ${def.values.map((v) => `\`${v}\``).join(', ')}`);
  if (c.info.required.includes(def.name) || def.required?.includes('all') || def.required?.includes(cls)) {
    lines.push(`Required in {{${escapeMarkdown(c.info.name)}}}.`);
  }
  if (lookup.deprecated) lines.push(`Deprecated: ${escapeMarkdown(lookup.deprecated)}`);
  if (!isParameterAcceptedBy(seen, cls)) lines.push(`Not accepted by {{${escapeMarkdown(c.info.name)}}}.`);
  else if (isParameterIgnoredBy(seen, cls)) lines.push(`Ignored by {{${escapeMarkdown(c.info.name)}}} (CS1 reports an error).`);
  return lines.join('\n\n');
}

function dayInWords(d: CalendarDate): string {
  if (d.month === undefined) return String(d.year);
  return d.day === undefined ? `${MONTH_NAMES[d.month - 1]} ${d.year}` : formatDate(d, 'dmy');
}

function dateInWords(v: ValidCs1Date): string {
  switch (v.kind) {
    case 'full': return `${dayInWords(v.start)} (a full date)`;
    case 'month': return `${dayInWords(v.start)} (a month)`;
    case 'year': return `the year ${v.start.year}`;
    case 'circa': return `about ${v.start.year} (circa)`;
    case 'no-date': return 'no date (the source is undated)';
    case 'season':
      return v.end && v.end.year !== v.start.year ? `${v.period} ${v.start.year}–${v.end.year}` : `${v.period} ${v.start.year} (a season)`;
    case 'quarter': return `the ${v.period?.toLowerCase()} of ${v.start.year}`;
    case 'named': return `${v.period} ${v.start.year}`;
    case 'range':
      if (v.period) return `from ${v.period.split('–')[0]} ${v.start.year} to ${v.period.split('–')[1]} ${v.end?.year ?? v.start.year}`;
      return `from ${dayInWords(v.start)} to ${dayInWords(v.end ?? v.start)}`;
  }
}

const FORMAT_NAMES: Readonly<Record<string, string>> = { dmy: 'day month year', mdy: 'month day, year', ymd: 'ISO' };

function valueHover(c: Citation, cp: CitationParam, today: Day, profile: CitationProfile | undefined): string | null {
  if (!cp.lookup.known || cp.value === '') return null;
  const def = cp.lookup.definition;
  const value = escapeMarkdown(cp.value);
  if (def.name === 'url-status') {
    const meaning = URL_STATUS_MEANINGS[keywordValue(cp)];
    // a local keyword (viwiki's hư): said as written, then the CS1 keyword it stands for
    const said = cp.keyword !== undefined ? `\`url-status=${value}\` (this wiki's word for \`${cp.keyword}\`)` : `\`url-status=${value}\``;
    const lines = [meaning ? `${said}: ${meaning}` : `\`url-status=${value}\` is not a valid value (CS1 ignores it). Valid values: ${def.values!.map((v) => `\`${v}\``).join(', ')}.`];
    if (!c.value('archive-url')) lines.push('No `archive-url`: CS1 ignores `url-status` (CS1 maint: url-status).');
    return lines.join('\n\n');
  }
  if (def.kind === 'date') {
    // a citation profile's dates: the value is read as that wiki's module reads it (as cite-bad-date does)
    const dates = profile?.dates;
    if (!datesChecked(profile)) return `\`|${escapeMarkdown(cp.name)}=\`: this wiki's citation module does not check dates.`;
    const parsed = parseCs1Date(cp.value, dates ? cp.lookup.canonical : cp.name, today, dates);
    if (!parsed.ok) return `**Invalid date** in \`|${escapeMarkdown(cp.name)}=\`: ${escapeMarkdown(parsed.reason)}.`;
    const local = dates ? localFormatOf(cp.value, dates, MAX_DATE_LENGTH) : undefined;
    // a date in one of the wiki's own formats is shown as written, its reading after it
    const lines = [local ? `**${value}**: ${escapeMarkdown(dateInWords(parsed))}` : `**${escapeMarkdown(dateInWords(parsed))}**`];
    if (local) lines.push(`Written in this wiki's format \`${escapeMarkdown(local)}\`.`);
    else if (FORMAT_NAMES[parsed.format]) lines.push(`Written in ${FORMAT_NAMES[parsed.format]} format.`);
    if (parsed.disambiguator) lines.push(`"${parsed.disambiguator}" disambiguates citations of one author and year.`);
    if (parsed.maint) lines.push(escapeMarkdown(parsed.maint));
    return lines.join('\n\n');
  }
  if (def.values) {
    return def.values.includes(cp.value)
      ? `\`${escapeMarkdown(cp.name)}=${value}\`: ${escapeMarkdown(def.description)}`
      : `\`${escapeMarkdown(cp.name)}=${value}\` is not a valid value. Valid values: ${def.values.map((v) => `\`${v}\``).join(', ')}.`;
  }
  return null;
}

const KIND_NAMES: Readonly<Record<RefTemplateInfo['kind'], string>> = {
  'reference-list': 'reference list',
  'note-list': 'note list',
  footnote: 'footnote (makes a `<ref>` in a fixed group)',
  ref: 'footnote (makes a `<ref>`)',
  'ref-reuse': 'ref reuse (`<ref name=... />` for each name)',
  'shortened-footnote': 'shortened footnote',
  'harvard-citation': 'Harvard citation (inline author-date link)',
  'page-in-ref': 'page number after a ref',
  'reference-list-wrapper': 'reference list wrapper',
  'dead-link': 'dead-link tag',
  'web-archive': 'web archive link',
  'link-status': 'link-status wrapper (usurped or unfit link)',
  'date-format': 'page date format',
  'bot-directive': 'bot directive',
};

function templateHover(t: TemplateNode, c: Citation | undefined, linkBase: string, profile: CitationProfile | undefined): string {
  const link = `[Template:${escapeMarkdown(t.name)}](${pageUrl(linkBase, `Template:${t.name}`)})`;
  if (c) {
    // in the template's own spelling on a profiled wiki ({{Internetquelle}}: `titel`, `url`)
    const spell = localSpeller(profile, t.name);
    const required = c.info.required.map((r) => `\`${spell(r) ?? r}\``).join(', ');
    // a local template a citation profile maps to a CS1 one (dewiki's {{Internetquelle}} is a {{cite web}})
    if (citationTemplate(t.name)?.name !== c.info.name) {
      return `**{{${escapeMarkdown(t.name)}}}**: this wiki's citation template checked as CS1's {{${escapeMarkdown(c.info.name)}}}, class \`${c.info.citationClass}\`. ${escapeMarkdown(c.info.description)}${required ? `\n\nRequired: ${required}.` : ''}\n\n${link}`;
    }
    return `**{{${escapeMarkdown(c.info.name)}}}**: CS1 citation template, class \`${c.info.citationClass}\`. ${escapeMarkdown(c.info.description)}${required ? `\n\nRequired: ${required}.` : ''}\n\n${link}`;
  }
  const info = refTemplateLookup(profile)(t.name);
  if (info) {
    let what = KIND_NAMES[info.kind];
    if (info.kind === 'date-format' && info.dateFormat) what += ` (${info.dateFormat}: ${info.dateFormat === 'dmy' ? '28 November 2026' : 'November 28, 2026'})`;
    if (info.group) what += `, group "${info.group}"`;
    return `**{{${escapeMarkdown(t.name)}}}**: ${what}.\n\n${link}`;
  }
  return `**{{${escapeMarkdown(t.name)}}}**: template.\n\n${link}`;
}

const SEVERITY_NAMES: Readonly<Record<string, string>> = { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' };

/** The citation's preview, its link state and the problems found in its range. */
function citationHover(a: Analysis, c: Citation): string {
  const preview = citationPreview(c, a.text);
  const lines = [preview || '*(nothing CS1 would show)*', `**Link:** ${describeLinkState(linkState(c))}`];
  const { start, end } = c.template;
  const diags = a.diagnostics;
  let lo = 0, hi = diags.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (diags[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const problems: string[] = [];
  for (let i = lo; i < diags.length && diags[i].start < end; i++) {
    const d = diags[i];
    if (d.end <= end) problems.push(`- ${SEVERITY_NAMES[d.severity] ?? d.severity} \`${d.rule}\`: ${escapeMarkdown(d.message)}`);
  }
  if (problems.length) lines.push(`**Problems:**\n${problems.join('\n')}`);
  return lines.join('\n\n');
}
