/**
 * The state shared by the parser's phases while one document is parsed, and the rule that turns a
 * container of one plain text leaf into a leaf. Its own module, so that the phases (preprocessor.ts,
 * blocks.ts, tables.ts, inline.ts, links.ts) and parse.ts do not import each other in a circle: they
 * reach each other through the context's functions.
 */
import { NodeType, SyntaxNode, UnclosedConstruct } from './nodes';
import type { ReusableTree } from './reuse';

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
  /** Block and inline structure of items (table cells: a table nested `tableDepth` deep). */
  blocks(items: SyntaxNode[], start: number, end: number, startsLine: boolean, tableDepth: number): SyntaxNode[];
  /** Link candidates resolved, nothing else (template, parameter and argument names). */
  links(items: SyntaxNode[]): SyntaxNode[];
  /** Inline structure only (headings, link text). */
  inline(items: SyntaxNode[], start: number, end: number): SyntaxNode[];
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

/** A line of a container (block structure works line by line). */
export interface Line {
  start: number;
  /** Offset of the line's `\n`, or the container end. */
  end: number;
}
