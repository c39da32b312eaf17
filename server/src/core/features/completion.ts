/**
 * Completion while typing, usually in an unclosed construct: the parser turns an unclosed `{{` into text,
 * so the context comes from the tree (a closed template around the cursor) and from a short backward scan
 * of the text before the cursor (an open `{{`, `<ref name="`, `<`, `[[`). Nothing rescans the document.
 */
import {
  CompletionItem, CompletionItemKind, CompletionList, InsertTextFormat, MarkupContent, Range, TextEdit,
} from 'vscode-languageserver-types';
import type { Analysis } from '../analysis';
import type { Citation } from '../citations';
import type { LintOptions } from '../lint/lint';
import { todayUtc } from '../lint/lint';
import type { TemplateNode } from '../parser/nodes';
import cs1Templates from '../../../data/cs1-templates.json';
import {
  allParameterDefinitions, citationTemplate, isParameterAcceptedBy, isParameterIgnoredBy, lookupParameter, type CitationTemplateInfo, type ParameterDefinition,
} from '../cs1/parameters';
import { detectDateFormat, formatDate } from '../cs1/dates';
import { waybackTimestampDate } from '../cs1/urls';
import { citationOfTemplate, escapeMarkdown, refContentPreview } from './citationPreview';
import { URL_STATUS_MEANINGS } from './hover';
import { insertionDateFormat, nodeAt } from '../text';

/** Where the cursor is inside a template call, closed or still being typed. */
export interface TemplateContext {
  /** Offset of the template's `{{`. */
  start: number;
  /** The parsed template when the parser closed it. */
  node: TemplateNode | null;
  /** Normalised name (first letter upper case, as TemplateNode.name). */
  name: string;
  /** The CS1 template, when it is one. */
  info: CitationTemplateInfo | undefined;
  /** The analysed citation, when the template is closed and a citation. */
  citation: Citation | undefined;
  /** Named parameters present with their values, except the one under the cursor. */
  present: { name: string; value: string }[];
  /** The part under the cursor: the name, a parameter name, or a parameter value. */
  where:
    | { kind: 'name'; prefixStart: number }
    | { kind: 'param-name'; prefixStart: number }
    | { kind: 'param-value'; param: string; prefixStart: number };
}

// How far back an unclosed `{{` is looked for: a citation is rarely longer.
const MAX_SCAN = 4000;

function normaliseName(raw: string): string {
  const name = raw.replace(/<!--[\s\S]*?(-->|$)/g, '').replace(/_/g, ' ').replace(/\s+/g, ' ').trim().replace(/^template:/i, '');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The template around the cursor (closed in the tree or still unclosed in the text), or null. */
export function templateContextAt(a: Analysis, offset: number): TemplateContext | null {
  const src = a.text;
  let node: TemplateNode | null = null;
  for (let n = nodeAt(a.doc, offset) as ReturnType<typeof nodeAt> | null; n; n = n.parent) {
    if (n.type === 'Template' && n.start + 2 <= offset && offset <= n.end - 2) {
      node = n as TemplateNode;
      break;
    }
  }
  const limit = node ? node.start : Math.max(0, offset - MAX_SCAN);
  // Backwards to the innermost `{{` not closed before the cursor.
  let depth = 0, open = -1;
  for (let i = offset - 1; i > limit - 1; i--) {
    const ch = src.charCodeAt(i);
    if (ch === 0x7d /* } */ && src.charCodeAt(i - 1) === 0x7d) {
      depth++;
      i--;
    } else if (ch === 0x7b /* { */ && src.charCodeAt(i - 1) === 0x7b) {
      if (depth === 0) {
        open = i - 1;
        break;
      }
      depth--;
      i--;
    } else if (!node && ch === 0x0a && src.charCodeAt(i - 1) === 0x0a) {
      return null; // a blank line: an unclosed citation never spans paragraphs
    } else if (!node && ch === 0x3e /* > */ && src.startsWith('</ref', i - 5)) {
      return null;
    }
  }
  if (open < 0) return null;
  if (node && open !== node.start) node = null;
  // Forwards from the opener: the `|` separators at depth 0 and the `=` of the current part.
  const pipes: number[] = [];
  depth = 0;
  let links = 0;
  for (let i = open + 2; i < offset; i++) {
    const c = src[i];
    if (c === '<' && src.startsWith('<!--', i)) {
      const close = src.indexOf('-->', i + 4);
      if (close < 0 || close + 3 > offset) break;
      i = close + 2;
    } else if (c === '{' && src[i + 1] === '{') { depth++; i++; }
    else if (c === '}' && src[i + 1] === '}') { depth = Math.max(0, depth - 1); i++; }
    else if (c === '[' && src[i + 1] === '[') { links++; i++; }
    else if (c === ']' && src[i + 1] === ']') { links = Math.max(0, links - 1); i++; }
    else if (c === '|' && depth === 0 && links === 0) pipes.push(i);
  }
  const skipSpace = (i: number) => {
    while (i < offset && /\s/.test(src[i])) i++;
    return i;
  };
  const name = node ? node.name : normaliseName(src.slice(open + 2, pipes.length ? pipes[0] : offset));
  const info = citationTemplate(name);
  const citation = node ? citationOfTemplate(a, node) : undefined;
  let where: TemplateContext['where'];
  let current = -1;
  if (!pipes.length) {
    where = { kind: 'name', prefixStart: skipSpace(open + 2) };
  } else {
    current = pipes[pipes.length - 1];
    const segment = src.slice(current + 1, offset);
    const eq = segment.indexOf('=');
    where = eq < 0
      ? { kind: 'param-name', prefixStart: skipSpace(current + 1) }
      : { kind: 'param-value', param: segment.slice(0, eq).trim(), prefixStart: skipSpace(current + 2 + eq) };
  }
  const present: TemplateContext['present'] = [];
  if (node) {
    for (const p of node.params) {
      if (!p.positional && !(p.start === current)) present.push({ name: p.name, value: src.slice(p.valueNode.start, p.valueNode.end).trim() });
    }
  } else {
    for (let k = 0; k < pipes.length - 1; k++) {
      const segment = src.slice(pipes[k] + 1, pipes[k + 1]);
      const eq = segment.indexOf('=');
      if (eq > 0) present.push({ name: segment.slice(0, eq).trim(), value: segment.slice(eq + 1).trim() });
    }
  }
  return { start: open, node, name, info, citation, present, where };
}

/** The date format for a date inserted here: the page's, else the citation's own dates, else the configured one, else ISO. */
export function dateFormatFor(a: Analysis, options: LintOptions, citationDates: readonly string[] = []): 'dmy' | 'mdy' | 'iso' {
  return insertionDateFormat(a.model.dateFormat, detectDateFormat(citationDates), options.config?.dateFormat ?? 'iso');
}

const DATE_PARAMS = new Set(['date', 'access-date', 'archive-date', 'publication-date']);

function citationDateValues(present: TemplateContext['present']): string[] {
  const out: string[] = [];
  for (const p of present) {
    const l = lookupParameter(p.name);
    if (l.known && DATE_PARAMS.has(l.canonical) && p.value) out.push(p.value);
  }
  return out;
}

/** Computes completions at an offset. */
export function completion(a: Analysis, offset: number, options: LintOptions): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  if (offset < 0 || offset > a.text.length) return empty;
  const src = a.text;
  const before = src.slice(Math.max(0, offset - 300), offset);
  const range = (start: number): Range => ({ start: a.lines.position(start), end: a.lines.position(offset) });

  const refName = /<ref\b[^<>]*?\bname\s*=\s*(?:(["'])([^"'<>]*)|([^\s"'<>/]*))$/i.exec(before);
  if (refName) {
    const typed = refName[2] ?? refName[3] ?? '';
    return { isIncomplete: false, items: refNameItems(a, range(offset - typed.length), refName[1] === undefined) };
  }
  const tag = /<(\/?[a-zA-Z]*)$/.exec(before);
  if (tag) return { isIncomplete: false, items: tagItems(a, offset, range(offset - tag[0].length)) };
  const link = /\[\[([^[\]{}<>|\n]*)$/.exec(before);
  if (link) return { isIncomplete: false, items: linkItems(a, range(offset - link[1].length)) };

  const ctx = templateContextAt(a, offset);
  if (!ctx) return empty;
  const today = options.today ?? todayUtc();
  const where = ctx.where;
  if (where.kind === 'name') {
    const dateFormat = dateFormatFor(a, options);
    const closed = src.startsWith('}}', offset) || ctx.node !== null;
    return { isIncomplete: false, items: templateNameItems(a, range(where.prefixStart), formatDate(today, dateFormat), closed) };
  }
  if (!ctx.info) return empty;
  if (where.kind === 'param-name') {
    return { isIncomplete: false, items: parameterItems(ctx, ctx.info, range(where.prefixStart)) };
  }
  const lookup = lookupParameter(where.param);
  if (!lookup.known) return empty;
  const def = lookup.definition;
  const r = range(where.prefixStart);
  if (def.values) {
    return {
      isIncomplete: false,
      items: def.values.map((v, i) => {
        const meaning = def.name === 'url-status' ? URL_STATUS_MEANINGS[v] : undefined;
        return {
          label: v, kind: CompletionItemKind.EnumMember, sortText: String(i).padStart(2, '0'), textEdit: TextEdit.replace(r, v),
          ...(meaning ? { documentation: markdown(meaning) } : {}),
        };
      }),
    };
  }
  if (def.kind === 'date' && def.name !== 'year') {
    const format = dateFormatFor(a, options, citationDateValues(ctx.present));
    const items: CompletionItem[] = [];
    if (def.name === 'archive-date') {
      const archiveUrl = ctx.present.find((p) => { const l = lookupParameter(p.name); return l.known && l.canonical === 'archive-url'; })?.value;
      const stamp = archiveUrl ? waybackTimestampDate(archiveUrl) : undefined;
      if (stamp) {
        const text = formatDate(stamp, format);
        items.push({ label: text, kind: CompletionItemKind.Value, detail: 'the date of the archive-url timestamp', sortText: '0', textEdit: TextEdit.replace(r, text) });
      }
    }
    const text = formatDate(today, format);
    if (!items.some((i) => i.label === text)) {
      items.push({ label: text, kind: CompletionItemKind.Value, detail: 'today', sortText: '1', textEdit: TextEdit.replace(r, text) });
    }
    return { isIncomplete: false, items };
  }
  return empty;
}

function markdown(value: string): MarkupContent {
  return { kind: 'markdown', value };
}

/** Snippet text: `$`, `}` and `\` are escaped inside placeholders. */
function snippetEscape(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

function templateNameItems(a: Analysis, r: Range, today: string, closed: boolean): CompletionItem[] {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  cs1Templates.templates.forEach((raw, i) => {
    const info = citationTemplate(raw.name)!;
    let n = 0;
    const params = info.usualParameters.map((p) => `|${p}=\${${++n}${p === 'access-date' ? `:${snippetEscape(today)}` : ''}}`);
    const snippet = `${info.name} ${params.join(' ')}${closed ? '' : '}}'}$0`;
    seen.add(info.name);
    items.push({
      label: info.name,
      kind: CompletionItemKind.Snippet,
      detail: `CS1 citation (${info.citationClass})`,
      documentation: markdown(`${escapeMarkdown(info.description)}\n\nUsual parameters: ${info.usualParameters.map((p) => `\`${p}\``).join(', ')}`),
      sortText: `0${String(i).padStart(3, '0')}`,
      filterText: info.name,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: TextEdit.replace(r, snippet),
    });
  });
  const counts = new Map<string, number>();
  for (const t of a.model.templates) if (t.name) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
  for (const [name, count] of counts) {
    if (citationTemplate(name) || seen.has(name.toLowerCase())) continue;
    items.push({
      label: name,
      kind: CompletionItemKind.Reference,
      detail: `template used ${count === 1 ? 'once' : `${count} times`} on this page`,
      sortText: `1${name}`,
      textEdit: TextEdit.replace(r, name),
    });
  }
  return items;
}

// Numbered definitions (last#) are offered once: the bare form when unused, else the next number.
function parameterItems(ctx: TemplateContext, info: CitationTemplateInfo, r: Range): CompletionItem[] {
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
  const items: CompletionItem[] = [];
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
    const item: CompletionItem = {
      label: name,
      kind: CompletionItemKind.Property,
      detail: requiredIndex >= 0 ? 'required' : usualIndex >= 0 ? 'usual' : undefined,
      documentation: markdown(doc),
      sortText,
      filterText: name,
      textEdit: TextEdit.replace(r, `${name}=`),
    };
    // Values and dates have their own completions: ask the editor to show them right away.
    if (def.values || def.kind === 'date') item.command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };
    if (item.detail === undefined) delete item.detail;
    items.push(item);
  }
  return items;
}

function refNameItems(a: Analysis, r: Range, quote: boolean): CompletionItem[] {
  const byKey = new Map<string, { name: string; group: string; uses: number; definition: Analysis['model']['refs'][number] | null }>();
  for (const ref of a.model.refs) {
    if (ref.name === null) continue;
    const key = `${ref.group}\u0000${ref.name}`;
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, entry = { name: ref.name, group: ref.group, uses: 0, definition: null });
    entry.uses++;
    if (!entry.definition && ref.isDefinition) entry.definition = ref;
  }
  const items: CompletionItem[] = [];
  for (const e of byKey.values()) {
    const text = quote ? `"${e.name}"` : e.name;
    items.push({
      label: e.name,
      kind: CompletionItemKind.Reference,
      detail: `${e.group ? `group "${e.group}", ` : ''}used ${e.uses === 1 ? 'once' : `${e.uses} times`}${e.definition ? '' : ', never defined'}`,
      ...(e.definition ? { documentation: markdown(refContentPreview(a, e.definition)) } : {}),
      filterText: text,
      textEdit: TextEdit.replace(r, text),
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

function tagItems(a: Analysis, offset: number, r: Range): CompletionItem[] {
  const items: CompletionItem[] = TAGS.map((t, i) => ({
    label: t.label, kind: CompletionItemKind.Snippet, detail: t.detail, sortText: `1${String(i).padStart(2, '0')}`,
    filterText: `<${t.label}`, insertTextFormat: InsertTextFormat.Snippet, textEdit: TextEdit.replace(r, t.snippet),
  }));
  // An unclosed <ref> before the cursor: offer its closing tag first.
  const unclosed = a.doc.unclosed;
  for (let i = unclosed.length - 1; i >= 0; i--) {
    const u = unclosed[i];
    if (u.start >= offset) continue;
    if (u.kind === 'extension-tag' && u.name === 'ref') {
      items.unshift({ label: '/ref', kind: CompletionItemKind.Snippet, detail: 'close the open <ref>', sortText: '0', filterText: '</ref', textEdit: TextEdit.replace(r, '</ref>') });
    }
    break;
  }
  return items;
}

function linkItems(a: Analysis, r: Range): CompletionItem[] {
  const counts = new Map<string, number>();
  for (const w of a.model.wikilinks) if (w.target) counts.set(w.target, (counts.get(w.target) ?? 0) + 1);
  const items: CompletionItem[] = [];
  for (const [target, count] of counts) {
    items.push({
      label: target,
      kind: CompletionItemKind.File,
      detail: `linked ${count === 1 ? 'once' : `${count} times`} on this page`,
      textEdit: TextEdit.replace(r, target),
    });
  }
  return items;
}
