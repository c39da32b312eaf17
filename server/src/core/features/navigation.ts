/**
 * Navigation over named refs: go to definition, find references, rename and highlights. A ref name is
 * scoped by its group, as in Cite (`<ref name="a" group="n">` and `<ref name="a">` are different refs);
 * names compare after Cite's normalisation (trimmed, inner whitespace collapsed, case-sensitive).
 */
import { trimmedRange, withoutEdgeComments } from '../text';
import type { Analysis } from '../analysis';
import { normaliseRefName, type RefUse } from '../model';
import { ParameterNode, type TemplateNode } from '../parser/nodes';
import { refNameSpan, type RefNameSpan } from '../refNames';
import type { Highlight, RenameTarget, Span, TextEdit } from './types';

/** A ref found at an offset; `onName` when the offset is on its name's value. */
interface RefHit {
  ref: RefUse;
  onName: boolean;
}

/**
 * The ref under the cursor: on its name value (either edge counts, so a cursor just after the name
 * still finds it), or anywhere in a `<ref ...>` open tag. Template refs are found by their name only,
 * because the template's own name belongs to template navigation.
 */
function refAt(a: Analysis, offset: number): RefHit | null {
  let best: RefHit | null = null;
  let bestScore = 0;
  for (const ref of a.model.refs) {
    const n = ref.nameNode;
    let score = 0;
    if (n && ref.name !== null && n.start <= offset && offset <= n.end) score = 3;
    else if (ref.syntax === 'tag' && ref.tagNode.start <= offset && offset < ref.tagNode.end) score = 2;
    else if (ref.syntax === 'tag' && offset === ref.tagNode.end) score = 1;
    // {{sfn|Smith|2020|p=5}}: its name is made, not written; anywhere in the call stands for it
    else if (ref.generatedName && ref.name !== null && ref.node.start <= offset && offset < ref.node.end) score = 1;
    if (score > bestScore) {
      best = { ref, onName: score === 3 };
      bestScore = score;
    }
  }
  return best;
}

/** Every ref with the same name in the same group, in document order. */
function usesOf(a: Analysis, ref: RefUse): RefUse[] {
  if (ref.name === null) return [ref];
  return a.model.refs.filter((r) => r.name === ref.name && r.group === ref.group);
}

const span = (start: number, end: number): Span => ({ start, end });

/** Where a use of a ref's name stands: its name value, or the whole `{{sfn}}` whose arguments make the name. */
function useSpan(src: string, r: RefUse): Span | null {
  if (r.generatedName) return span(r.node.start, r.node.end);
  const s = refNameSpan(src, r);
  return s ? span(s.start, s.end) : null;
}

/** A name that a shortened footnote of the ref's group makes: it cannot be renamed from a ref tag. */
function generatedBy(a: Analysis, ref: RefUse): RefUse | undefined {
  if (ref.name === null || !ref.name.startsWith('FOOTNOTE')) return undefined;
  return a.model.refs.find((r) => r.generatedName && r.name === ref.name && r.group === ref.group);
}

function refusedRename(a: Analysis, made: RefUse): string {
  const t = a.text.slice(made.node.start, Math.min(made.node.end, made.node.start + 80));
  return `"${made.name}" is the name ${t}${made.node.end - made.node.start > 80 ? '…' : ''} makes from its authors, year and pages (Module:Footnotes): it cannot be renamed; change the template's arguments, or give this ref a name of its own.`;
}

/** On a ref (its name or its open tag): the ranges of the refs that define it; on a definition, itself. */
export function definition(a: Analysis, offset: number): Span[] {
  const hit = refAt(a, offset);
  if (!hit) return [];
  if (hit.ref.isDefinition || hit.ref.name === null) return hit.ref.isDefinition ? [span(hit.ref.node.start, hit.ref.node.end)] : [];
  return usesOf(a, hit.ref)
    .filter((r) => r.isDefinition)
    .map((r) => span(r.node.start, r.node.end));
}

/** Every use of the name of the ref under the cursor in its group (the name values), optionally without definitions. */
export function references(a: Analysis, offset: number, includeDeclaration: boolean): Span[] {
  const hit = refAt(a, offset);
  if (!hit || hit.ref.name === null) return [];
  const out: Span[] = [];
  for (const r of usesOf(a, hit.ref)) {
    if (!includeDeclaration && r.isDefinition) continue;
    const span = useSpan(a.text, r);
    if (span) out.push(span);
  }
  return out;
}

/**
 * The name under the cursor and its range, when the cursor is on a ref name; otherwise null (no rename there); a
 * message when the name is one a shortened footnote makes (`FOOTNOTE…`), which no rename can change.
 */
export function prepareRename(a: Analysis, offset: number): RenameTarget | string | null {
  const hit = refAt(a, offset);
  if (!hit || !hit.onName) return null;
  const made = generatedBy(a, hit.ref);
  if (made) return refusedRename(a, made);
  const span = refNameSpan(a.text, hit.ref);
  if (!span) return null;
  return { start: span.start, end: span.end, placeholder: hit.ref.name! };
}

/** Characters an unquoted attribute value may hold (MediaWiki's Sanitizer; `/` is left out so `name=x/>` stays unambiguous). */
const UNQUOTED_ATTRIBUTE_VALUE = /^[A-Za-z0-9!#$%&()*,\-.:;?@[\]^_`{|}~]+$/;

/**
 * Edits renaming the ref under the cursor in every use of its group, or an error message when the new
 * name is empty, all digits (Cite rejects numeric names), already taken in the group, or cannot be written
 * where a use stands (a quote of both kinds in an attribute; `|`, `{{`, `}}` or `=` in a template parameter).
 */
export function rename(a: Analysis, offset: number, newName: string): TextEdit[] | string {
  const hit = refAt(a, offset);
  if (!hit || !hit.onName || hit.ref.name === null) return 'Place the cursor on a ref name to rename it.';
  const made = generatedBy(a, hit.ref);
  if (made) return refusedRename(a, made);
  const name = normaliseRefName(newName);
  if (name === '') return 'A ref name cannot be empty.';
  if (/^\d+$/.test(name)) return `"${name}" is all digits: Cite rejects numeric ref names (cite_error_ref_numeric_key).`;
  const old = hit.ref;
  if (name === old.name) return [];
  const groupLabel = old.group ? `group "${old.group}"` : 'the default group';
  if (a.model.refs.some((r) => r.name === name && r.group === old.group)) {
    return `A ref named "${name}" already exists in ${groupLabel}: renaming would merge two refs.`;
  }
  const edits: TextEdit[] = [];
  for (const r of usesOf(a, old)) {
    const span = refNameSpan(a.text, r);
    if (!span) continue;
    const edit = renameEdit(r, span, name);
    if (typeof edit === 'string') return edit;
    edits.push(edit);
  }
  return edits;
}

function renameEdit(ref: RefUse, span: RefNameSpan, name: string): TextEdit | string {
  if (span.inTemplate) {
    if (/[|]|\{\{|\}\}|\[\[|\]\]/.test(name)) return `"${name}" cannot be written in a template parameter (it holds |, {{, }}, [[ or ]]).`;
    const param = ref.nameNode?.parent;
    if (param instanceof ParameterNode && param.positional && name.includes('=')) {
      return `"${name}" cannot be a positional template parameter: the "=" would make it a named one.`;
    }
    if (span.quote && name.includes(span.quote)) return `"${name}" contains the quote that surrounds the name.`;
    return { start: span.start, end: span.end, newText: name };
  }
  const hasDouble = name.includes('"'), hasSingle = name.includes("'");
  if (span.quote) {
    if (!name.includes(span.quote)) return { start: span.start, end: span.end, newText: name };
    // Switch to the other quote, keeping the attribute valid.
    if (hasDouble && hasSingle) return `"${name}" holds both kinds of quote: it cannot be an attribute value.`;
    const other = span.quote === '"' ? "'" : '"';
    return { start: span.valueStart, end: span.valueEnd, newText: other + name + other };
  }
  if (UNQUOTED_ATTRIBUTE_VALUE.test(name)) return { start: span.start, end: span.end, newText: name };
  if (hasDouble && hasSingle) return `"${name}" holds both kinds of quote: it cannot be an attribute value.`;
  const q = hasDouble ? "'" : '"';
  return { start: span.valueStart, end: span.valueEnd, newText: q + name + q };
}

/**
 * Highlights: on a ref, every use of its name in its group (definitions as writes, reuses as reads);
 * on a template name, every call of that template.
 */
export function documentHighlights(a: Analysis, offset: number): Highlight[] {
  const hit = refAt(a, offset);
  if (hit && hit.ref.name !== null) {
    const out: Highlight[] = [];
    for (const r of usesOf(a, hit.ref)) {
      const span = useSpan(a.text, r);
      if (span) out.push({ ...span, kind: r.isDefinition ? 'write' : 'read' });
    }
    return out;
  }
  const template = templateNameAt(a, offset);
  if (!template) return [];
  const out: Highlight[] = [];
  for (const t of a.model.templates) {
    if (t.name !== template.name) continue;
    const r = trimmedName(a.text, t);
    out.push({ start: r.start, end: r.end, kind: 'text' });
  }
  return out;
}

/** The innermost template whose name holds the offset (either edge counts). */
function templateNameAt(a: Analysis, offset: number): TemplateNode | null {
  let found: TemplateNode | null = null;
  for (const t of a.model.templates) {
    if (t.start > offset) break;
    if (t.nameNode.start <= offset && offset <= t.nameNode.end && t.name !== '') found = t;
  }
  return found;
}

/** A template's name as written, without surrounding whitespace and comments. */
function trimmedName(src: string, t: TemplateNode): { start: number; end: number } {
  const { start, end } = withoutEdgeComments(t.nameNode);
  return trimmedRange(src, start, end);
}
