/**
 * `parse(text)`: wikitext to a lossless syntax tree. Never throws: any internal failure falls back to a
 * tree of one text leaf, so a caller always gets a tree that prints back its input.
 */
import { DocumentNode, SyntaxNode } from './nodes';
import { leafOrContainer, type ParseContext } from './context';
import { preprocess } from './preprocessor';
import { blocks } from './blocks';
import { inline } from './inline';
import { resolveLinks } from './links';
import { isPlainText } from './chars';
import { ReusableTree, type TextChange } from './reuse';
import type { SiteProfile } from '../profile';
import { syntaxFor, useSyntax } from './syntaxData';

export type { ParseContext } from './context';
export { leafOrContainer } from './context';
export { printTree } from './printTree';
export { checkTree } from './checkTree';

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
    blocks: (items, start, end, startsLine, tableDepth) => blocks(ctx, items, start, end, startsLine, tableDepth),
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
