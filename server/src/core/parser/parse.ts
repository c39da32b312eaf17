/**
 * `parse(text)`: wikitext to a lossless syntax tree. Never throws: any internal failure falls back to a
 * tree of one text leaf, so a caller always gets a tree that prints back its input.
 */
import { CONSTRUCT_TYPES, DocumentNode, NodeType, SyntaxNode, UnclosedConstruct } from './nodes';
import { preprocess } from './preprocessor';
import { blocks, inline, isPlainText, resolveLinks } from './blocks';
import { ReusableTree, type TextChange } from './reuse';
import type { SiteProfile } from '../profile';
import { syntaxFor, useSyntax } from './syntaxData';

/** State shared by the phases while one document is parsed (never global: two parses never share it). */
export interface ParseContext {
  src: string;
  /** Offsets of every newline of the document, ascending. */
  newlines: Int32Array;
  unclosed: UnclosedConstruct[];
  /** Tags that may be taken from the previous version's tree (incremental reparsing), or null. */
  reuse: ReusableTree | null;
  /** Every construct node made so far (see `DocumentNode.constructs`). */
  constructs: SyntaxNode[];
  /** Parses a nested range as a whole wikitext document (extension tag bodies). */
  parseWikitext(start: number, end: number): SyntaxNode[];
  /** A container whose items get block and inline structure (template values, cells...). */
  container(type: NodeType, start: number, end: number, items: SyntaxNode[]): SyntaxNode;
  /** Link candidates resolved, nothing else (template, parameter and argument names). */
  links(items: SyntaxNode[]): SyntaxNode[];
  /** Inline structure only (headings, link text). */
  inline(items: SyntaxNode[], start: number, end: number): SyntaxNode[];
}

/**
 * Parses wikitext into a syntax tree whose leaves tile the text. With `previous` (the tree of the text
 * before `change`), unchanged extension tags are taken from that tree, which is consumed: see reuse.ts.
 */
export function parse(text: string, previous?: { doc: DocumentNode; change: TextChange }, profile?: SiteProfile): DocumentNode {
  const outer = useSyntax(syntaxFor(profile));
  try {
    const ctx = createContext(text);
    if (previous) ctx.reuse = new ReusableTree(previous.doc, previous.change);
    const doc = new DocumentNode(text, blocks(ctx, preprocess(ctx, 0, text.length), 0, text.length, true));
    doc.unclosed = ctx.unclosed.sort((a, b) => a.start - b.start);
    doc.constructs = ctx.constructs;
    return doc;
  } catch {
    // Last resort, never expected: keep the text, lose the structure.
    return new DocumentNode(text, text.length ? [new SyntaxNode('Text', 0, text.length, null)] : []);
  } finally {
    useSyntax(outer);
  }
}

/**
 * A container whose content is one plain text leaf (most template names, parameter names and values, link
 * targets) is made a leaf itself: the same text, half the nodes, much less garbage to collect.
 */
export function leafOrContainer(type: NodeType, start: number, end: number, items: SyntaxNode[]): SyntaxNode {
  if (items.length === 0 || (items.length === 1 && items[0].type === 'Text' && items[0].start === start && items[0].end === end)) {
    return new SyntaxNode(type, start, end, null);
  }
  return new SyntaxNode(type, start, end, items);
}

function createContext(src: string): ParseContext {
  const ctx: ParseContext = {
    src,
    newlines: newlineIndex(src),
    unclosed: [],
    reuse: null,
    constructs: [],
    parseWikitext: (start, end) => blocks(ctx, preprocess(ctx, start, end), start, end, true),
    container: (type, start, end, items) => {
      // Most values are one plain text leaf: a leaf at once, without the block and inline passes.
      if (items.length === 1 && items[0].type === 'Text' && items[0].start === start && items[0].end === end && isPlainText(src, start, end)) {
        return new SyntaxNode(type, start, end, null);
      }
      return leafOrContainer(type, start, end, blocks(ctx, items, start, end, false));
    },
    inline: (items, start, end) => inline(ctx, items, start, end),
    links: (items) => resolveLinks(ctx, items),
  };
  return ctx;
}

function newlineIndex(src: string): Int32Array {
  // one pass, into a buffer that doubles when full
  let out = new Int32Array(Math.max(16, src.length >> 6));
  let k = 0;
  for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) {
    if (k === out.length) {
      const bigger = new Int32Array(out.length * 2);
      bigger.set(out);
      out = bigger;
    }
    out[k++] = i;
  }
  return out.subarray(0, k);
}

/** Prints the tree back to text: the concatenation of its leaves. */
export function printTree(doc: DocumentNode): string {
  const parts: string[] = [];
  const stack: SyntaxNode[] = [doc];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.children === null) parts.push(doc.source.slice(n.start, n.end));
    else for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return parts.join('');
}

/** Checks the tree's invariants; returns the first violation found, or null. Used by tests and the fuzzer. */
export function checkTree(doc: DocumentNode): string | null {
  const stack: SyntaxNode[] = [doc];
  const listed = new Set(doc.constructs);
  if (listed.size !== doc.constructs.length) return 'a construct is listed twice';
  let constructs = 0;
  while (stack.length) {
    const n = stack.pop()!;
    if (n.start > n.end) return `${n.type} [${n.start},${n.end}) has a negative length`;
    if (CONSTRUCT_TYPES.has(n.type)) {
      if (!listed.has(n)) return `${n.type} [${n.start},${n.end}) is missing from the constructs`;
      constructs++;
    }
    if (n.children) {
      let pos = n.start;
      for (const c of n.children) {
        if (c.start !== pos) return `${n.type} [${n.start},${n.end}): child ${c.type} starts at ${c.start}, expected ${pos}`;
        if (c.parent !== n) return `${c.type} at ${c.start} has a wrong parent`;
        pos = c.end;
        stack.push(c);
      }
      if (pos !== n.end) return `${n.type} [${n.start},${n.end}): children end at ${pos}`;
    }
  }
  if (constructs !== doc.constructs.length) return `${doc.constructs.length - constructs} listed construct(s) are not in the tree`;
  return null;
}
