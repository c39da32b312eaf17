/**
 * The template call around the cursor, closed in the tree or still being typed: the parser turns an unclosed
 * `{{` into text, so the context comes from the tree (a closed template around the cursor) and from a short
 * backward scan of the text before the cursor. Shared by completion and signature help.
 */
import type { Analysis } from './analysis';
import type { Citation } from './citations';
import type { TemplateNode } from './parser/nodes';
import { citationTemplate, type CitationTemplateInfo } from './cs1/parameters';
import { citationOfTemplate } from './citationInfo';
import { nodeAt } from './text';

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
