/**
 * The outline: sections nested by level, and inside each section the refs it defines and the citations
 * it holds. A citation inside a named ref is shown under that ref; one inside an unnamed ref stands for
 * the ref itself, so the outline shows each source once.
 */
import { trimmedRange } from '../text';
import type { Analysis } from '../analysis';
import type { Citation } from '../citations';
import { textWithoutComments, type RefUse } from '../model';
import { refNameSpan } from '../refNames';
import { plainTextOf, plainTextOfWikitext } from '../plainText';
import type { OutlineKind, OutlineSymbol } from './types';

/** Detail of an outline entry found by the mid-line heading heuristic (see `pseudoHeadings`). */
export const MID_LINE_HEADING_DETAIL = '(mid-line: not a heading on Wikipedia)';
/** Detail of a heading pattern at the start of a line that text follows on the same line. */
export const TEXT_AFTER_HEADING_DETAIL = '(text follows on its line: not a heading on Wikipedia)';

/** A heading-like entry of the outline before it becomes an `OutlineSymbol`. */
interface OutlineEntry {
  name: string;
  detail?: string;
  kind: OutlineKind;
  level: number;
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
  /** Subsections, for placing refs and citations. */
  subsections: OutlineEntry[];
  /** Subsections, refs and citations. */
  children: OutlineItem[];
}

/** An entry or a leaf (ref or citation), ready to be nested by its range. */
interface OutlineItem {
  symbol: OutlineSymbol;
  start: number;
  end: number;
  entry?: OutlineEntry;
}

/** The document's outline: sections by level, with their refs and citations. */
export function documentSymbols(a: Analysis): OutlineSymbol[] {

  const entries: OutlineEntry[] = a.model.sections.map((s) => ({
    // the heading as a reader sees it (`== ''Works'' of [[X|Y]]{{anchor|w}} ==` is "Works of Y"), else as written
    name: plainTextOf(a.text, s.heading.contentNode, { templates: 'drop' }) || s.title || '(untitled section)',
    kind: 'section',
    level: s.level,
    start: s.start,
    end: s.end,
    selectionStart: s.heading.start,
    selectionEnd: s.heading.end,
    subsections: [],
    children: [],
  }));
  if (a.model.sections.length <= 1) entries.push(...pseudoSections(a, entries));
  entries.sort((x, y) => x.start - y.start || y.end - x.end);

  // Nest entries by containment: a section's range holds its subsections'.
  const roots: OutlineItem[] = [];
  const rootEntries: OutlineEntry[] = [];
  const stack: OutlineEntry[] = [];
  for (const e of entries) {
    while (stack.length && !(stack[stack.length - 1].start <= e.start && e.end <= stack[stack.length - 1].end)) stack.pop();
    const item: OutlineItem = {
      symbol: {
        name: e.name,
        kind: e.kind,
        start: e.start,
        end: e.end,
        selection: { start: e.selectionStart, end: e.selectionEnd },
        ...(e.detail ? { detail: e.detail } : {}),
      },
      start: e.start,
      end: e.end,
      entry: e,
    };
    const parent = stack.length ? stack[stack.length - 1] : null;
    (parent ? parent.children : roots).push(item);
    (parent ? parent.subsections : rootEntries).push(e);
    stack.push(e);
  }

  // Refs and citations, placed in the deepest section that holds them whole.
  const leaves = refAndCitationItems(a);
  for (const leaf of leaves) {
    let holder: OutlineEntry | undefined;
    let candidates = rootEntries;
    for (;;) {
      const inner = candidates.find((e) => e.start <= leaf.start && leaf.end <= e.end);
      if (!inner) break;
      holder = inner;
      candidates = inner.subsections;
    }
    (holder ? holder.children : roots).push(leaf);
  }

  const finish = (items: OutlineItem[]): OutlineSymbol[] => {
    items.sort((x, y) => x.start - y.start || y.end - x.end);
    return items.map((it) => {
      if (it.entry) {
        const children = finish(it.entry.children);
        if (children.length) it.symbol.children = children;
      }
      return it.symbol;
    });
  };
  return finish(roots);
}

/** Symbols for ref definitions (named ones by name, unnamed ones without a citation by their text) and citations. */
function refAndCitationItems(a: Analysis): OutlineItem[] {
  const src = a.text;
  const out: OutlineItem[] = [];
  const refItems = new Map<RefUse, OutlineItem>();
  const refsWithCitation = new Set<RefUse>();
  for (const c of a.citations) if (c.ref) refsWithCitation.add(c.ref);

  for (const r of a.model.refs) {
    // a {{sfn}} is a template call the outline does not list (hundreds on some pages, one per call)
    if (!r.isDefinition || r.generatedName) continue;
    if (r.name === null && refsWithCitation.has(r)) continue;
    const sel = refNameSpan(src, r) ?? r.tagNode;
    const name = r.name ?? snippet(r.content ? r.content.text : '') ?? '<ref>';
    const details: string[] = [];
    if (r.name === null) details.push('unnamed ref');
    if (r.group) details.push(`group "${r.group}"`);
    if (r.listDefined) details.push('list-defined');
    const item: OutlineItem = {
      symbol: {
        name,
        kind: 'ref',
        start: r.node.start,
        end: r.node.end,
        selection: { start: sel.start, end: sel.end },
        ...(details.length ? { detail: details.join(', ') } : {}),
      },
      start: r.node.start,
      end: r.node.end,
    };
    refItems.set(r, item);
    out.push(item);
  }
  for (const c of a.citations) {
    const t = c.template;
    const nameRange = trimmedRange(src, t.nameNode.start, t.nameNode.end);
    const item: OutlineItem = {
      symbol: {
        name: citationLabel(src, c),
        kind: 'citation',
        start: t.start,
        end: t.end,
        selection: nameRange,
      },
      start: t.start,
      end: t.end,
    };
    const holder = c.ref ? refItems.get(c.ref) : undefined;
    if (holder) (holder.symbol.children ??= []).push(item.symbol);
    else out.push(item);
  }
  out.sort((x, y) => x.start - y.start);
  return out;
}

/** `cite web: Title` — the template name as written, and the title (or the best stand-in for it). */
export function citationLabel(src: string, c: Citation): string {
  const templateName = textWithoutComments(src, c.template.nameNode).replace(/[\s_]+/g, ' ').trim() || c.template.name;
  let title = '';
  for (const name of ['title', 'script-title', 'trans-title', 'chapter', 'work', 'url']) {
    const p = c.get(name);
    if (p?.value) {
      title = plainTextOf(src, p.node.valueNode);
      break;
    }
  }
  return `${templateName}: ${title || '(no title)'}`;
}

/** The start of a ref's content as written (templates kept: in a footnote they are most of what identifies it). */
function snippet(text: string): string | null {
  const s = text.replace(/\s+/g, ' ').trim();
  if (!s) return null;
  return s.length > 60 ? s.slice(0, 59) + '…' : s;
}


// ---------------------------------------------------------------------------------------------
// The mid-line heading heuristic

/**
 * Heading patterns MediaWiki does not treat as headings, as found on pages whose line breaks were lost
 * (a whole article on one line): a run of 2–6 `=`, a title, the same run, with a space or the line start
 * before and a space or the line end after (` === Political system === `). Only patterns in the page's
 * own top-level prose count (not inside a template, tag, table, comment or link), so `|a == b|` in a
 * template never matches.
 */
export function pseudoHeadings(a: Analysis): { title: string; level: number; start: number; end: number; midLine: boolean }[] {
  const src = a.text;
  const top = a.doc.children ?? [];
  const out: { title: string; level: number; start: number; end: number; midLine: boolean }[] = [];
  // The title starts and ends with a non-space, so the blanks around it have one way to match (a title that
  // could start with a blank made `a == ` + spaces + `x` quadratic).
  const re = /(?<=^|[ \t])(={2,6})[ \t]+([^=\s](?:[^=\n]*[^=\s])?)[ \t]+\1(?=[ \t]*$|[ \t])/gm;
  let k = 0;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const start = m.index, end = start + m[0].length;
    // Every top-level node the pattern touches must be prose.
    while (k < top.length && top[k].end <= start) k++;
    let prose = k < top.length;
    for (let j = k; j < top.length && top[j].start < end; j++) {
      if (!PROSE.has(top[j].type)) {
        prose = false;
        break;
      }
    }
    if (!prose) continue;
    const lineStart = start === 0 || src.charCodeAt(start - 1) === 10;
    out.push({ title: plainTextOfWikitext(m[2]), level: m[1].length, start, end, midLine: !lineStart });
  }
  return out;
}

/** Top-level node types a pseudo-heading may stand in: text and the inline markup of a title. */
const PROSE = new Set(['Text', 'Wikilink', 'Quote', 'Entity']);

/**
 * Outline entries for pseudo-headings, used only when the page has at most one real heading. Each runs
 * to the next entry of the same or a higher level, within the real section that holds it.
 */
function pseudoSections(a: Analysis, real: OutlineEntry[]): OutlineEntry[] {
  const found = pseudoHeadings(a);
  if (found.length === 0) return [];
  const all = [
    ...real.map((e) => ({ start: e.start, level: e.level })),
    ...found.map((f) => ({ start: f.start, level: f.level })),
  ].sort((x, y) => x.start - y.start);
  return found.map((f) => {
    let end = a.text.length;
    for (const r of real) if (r.start <= f.start && f.start < r.end) end = Math.min(end, r.end);
    for (const other of all) {
      if (other.start > f.start && other.level <= f.level) {
        end = Math.min(end, other.start);
        break;
      }
    }
    // Keep the range inside the real section, and never shorter than the pattern itself.
    end = Math.max(end, f.end);
    return {
      name: f.title || '(untitled section)',
      detail: f.midLine ? MID_LINE_HEADING_DETAIL : TEXT_AFTER_HEADING_DETAIL,
      kind: 'pseudo-section',
      level: f.level,
      start: f.start,
      end,
      selectionStart: f.start,
      selectionEnd: f.end,
      subsections: [],
      children: [],
    };
  });
}
