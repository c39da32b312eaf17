/**
 * Semantic tokens from the syntax tree: template names (`function`), parser functions (`macro`), magic
 * words and behaviour switches (`keyword`), parameter names (`parameter`), ref names (`variable`, with
 * `definition` where the ref has content) and groups (`property`), wikilink targets (`namespace` for
 * files and categories, `string` for pages), comments (`comment`). A citation parameter name that a
 * citation rule reports on gets `deprecated` (the diagnostic is tagged deprecated) or `invalid`.
 *
 * One walk of the tree in document order: each leaf takes the class of the nearest node that gives one,
 * and a nested construct (a template inside a link target) starts afresh, so tokens never overlap and
 * come out sorted. LSP wants tokens within one line, so a leaf is cut at its line breaks.
 */
import type { Analysis } from '../analysis';
import { ExtensionTagNode, ParameterNode, ParserFunctionNode, TemplateNode, type SyntaxNode, type WikilinkNode } from '../parser/nodes';
import { refTemplateKind } from '../refTemplates';
import type { TokenList } from './types';

const TOKEN_TYPES = ['function', 'macro', 'parameter', 'variable', 'property', 'namespace', 'string', 'comment', 'keyword'] as const;
const TOKEN_MODIFIERS = ['definition', 'deprecated', 'invalid'] as const;

/** The token types and modifiers the server announces; indices in the token data refer to these lists. */
export const semanticTokensLegend: { tokenTypes: string[]; tokenModifiers: string[] } = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
const type = (t: TokenType): number => TOKEN_TYPES.indexOf(t);
const FUNCTION = type('function'), MACRO = type('macro'), PARAMETER = type('parameter'), VARIABLE = type('variable'),
  PROPERTY = type('property'), NAMESPACE = type('namespace'), STRING = type('string'), COMMENT = type('comment'), KEYWORD = type('keyword');
const DEFINITION = 1 << 0, DEPRECATED = 1 << 1, INVALID = 1 << 2;

/** A class packs a token type (low 8 bits) and modifier bits (above); -1 means "no token". */
const cls = (tokenType: number, modifiers = 0): number => tokenType | (modifiers << 8);
const NONE = -1;

/** The semantic tokens of the document, or of the nodes that overlap `range` (offsets) when given. */
export function semanticTokens(a: Analysis, range?: { start: number; end: number }): TokenList {
  const src = a.text;
  const overrides = classOverrides(a);
  const lineStarts = a.lines.lineStarts;
  const from = range ? range.start : 0;
  const to = range ? range.end : src.length;

  const data: number[] = [];
  let line = a.lines.position(from).line;

  /** Emits a leaf's text as tokens, one per line it covers, without surrounding whitespace (comments keep theirs). */
  const emit = (start: number, end: number, c: number, trim: boolean) => {
    let p = start;
    while (p < end) {
      // A leaf that began before the requested range starts before the line we began at.
      if (p < lineStarts[line]) line = a.lines.position(p).line;
      while (line + 1 < lineStarts.length && lineStarts[line + 1] <= p) line++;
      const lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : src.length;
      let s = p, e = Math.min(end, lineEnd);
      if (e > s && src.charCodeAt(e - 1) === 13) e--;
      if (trim) {
        while (s < e && isBlank(src.charCodeAt(s))) s++;
        while (e > s && isBlank(src.charCodeAt(e - 1))) e--;
      }
      if (e > s) data.push(s, e - s, c & 0xff, c >> 8);
      p = lineEnd + 1;
    }
  };

  const stack: { node: SyntaxNode; c: number }[] = [{ node: a.doc, c: NONE }];
  while (stack.length) {
    const { node, c: inherited } = stack.pop()!;
    if (node.end < from || node.start > to || (node.end === from && node.start < from)) continue;
    const own = overrides.get(node);
    const c = own ?? classOf(node, inherited);
    if (!node.children) {
      if (c === NONE) continue;
      let s = node.start, e = node.end;
      if (node.type === 'AttributeValue') {
        // The name without its quotes.
        const q = src[s];
        if (q === '"' || q === "'") {
          s++;
          if (e > s && src[e - 1] === q) e--;
        }
      }
      emit(s, e, c, node.type !== 'Comment');
      continue;
    }
    const ch = node.children;
    for (let i = ch.length - 1; i >= 0; i--) {
      const child = ch[i];
      // Redirect: `#REDIRECT` is its first child.
      const childClass = node.type === 'Redirect' && i === 0 ? cls(KEYWORD) : c;
      stack.push({ node: child, c: childClass });
    }
  }
  return { data };
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/** The class a node gives its leaves: its own, or for leaves the inherited one; a construct starts afresh. */
function classOf(node: SyntaxNode, inherited: number): number {
  switch (node.type) {
    case 'Comment':
      return cls(COMMENT);
    case 'BehaviorSwitch':
    case 'Signature':
      return cls(KEYWORD);
    case 'TemplateName': {
      const p = node.parent;
      if (p instanceof TemplateNode) return p.type === 'MagicWord' ? cls(KEYWORD) : cls(FUNCTION);
      if (p instanceof ParserFunctionNode) return cls(MACRO);
      return NONE;
    }
    case 'ParameterName':
    case 'ArgumentName':
      return cls(PARAMETER);
    case 'LinkTarget': {
      const link = node.parent as WikilinkNode;
      return link.kind === 'file' || link.kind === 'category' ? cls(NAMESPACE) : cls(STRING);
    }
  }
  // Leaves (text, punctuation) take their container's class; containers other than the above start afresh.
  return node.children ? NONE : inherited;
}

/**
 * Classes for particular nodes: ref names and groups (a name is a plain attribute value or template
 * parameter to the parser; only the model knows it names a ref), and citation parameter names that
 * carry a citation rule's diagnostic.
 */
function classOverrides(a: Analysis): Map<SyntaxNode, number> {
  const out = new Map<SyntaxNode, number>();
  const setGroup = (n: SyntaxNode | null | undefined) => {
    if (n) out.set(n, cls(PROPERTY));
  };
  for (const r of a.model.refs) {
    if (r.nameNode && r.name !== null) out.set(r.nameNode, cls(VARIABLE, r.isDefinition ? DEFINITION : 0));
    const n = r.node;
    if (n instanceof ExtensionTagNode) setGroup(n.attr('group')?.valueNode);
    else if (n instanceof ParserFunctionNode) setGroup(n.params.find((p) => !p.positional && p.name === 'group')?.valueNode);
    else if (n instanceof TemplateNode) {
      const gp = refTemplateKind(n.name)?.groupParameter;
      if (gp) setGroup(n.param(gp)?.valueNode);
    }
  }
  for (const l of a.model.refLists) {
    const n = l.node;
    if (n instanceof ExtensionTagNode) setGroup(n.attr('group')?.valueNode);
    else if (n instanceof TemplateNode) setGroup(n.param('group')?.valueNode);
  }

  // Citation parameters by start, to find the one a diagnostic sits in.
  const params: ParameterNode[] = [];
  for (const c of a.citations) for (const p of c.params) if (p.node.nameNode) params.push(p.node);
  if (params.length === 0) return out;
  params.sort((x, y) => x.start - y.start);
  for (const d of a.diagnostics) {
    if (!d.rule.startsWith('cite-')) continue;
    let lo = 0, hi = params.length - 1;
    if (params[0].start > d.start) continue;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (params[mid].start <= d.start) lo = mid;
      else hi = mid - 1;
    }
    const p = params[lo];
    const name = p.nameNode!;
    // The diagnostic must lie in this parameter and touch its name.
    if (d.end > p.end || d.start >= name.end || d.end <= name.start) continue;
    const modifier = d.tags?.includes('deprecated') ? DEPRECATED : INVALID;
    const prev = out.get(name);
    out.set(name, cls(PARAMETER, (prev === undefined ? 0 : prev >> 8) | modifier));
  }
  return out;
}
