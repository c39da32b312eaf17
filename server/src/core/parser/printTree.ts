/** The tree back to text, and as JSON or indented text for `--print-tree` and the syntax tree view. */
import type { DocumentNode, SyntaxNode } from './nodes';

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

/** A node as `--print-tree --format json` prints it (leaves have no `children`). */
export interface JsonNode {
  type: string;
  start: number;
  end: number;
  children?: JsonNode[];
}

/** The tree as plain JSON objects. */
export function treeToJson(node: SyntaxNode): JsonNode {
  const out: JsonNode = { type: node.type, start: node.start, end: node.end };
  if (node.children) out.children = node.children.map(treeToJson);
  return out;
}

/** The tree as indented text: one node a line, leaves with their (shortened) source text. */
export function treeToText(doc: DocumentNode): string {
  const lines: string[] = [];
  const stack: [SyntaxNode, number][] = [[doc, 0]];
  while (stack.length) {
    const [n, depth] = stack.pop()!;
    let line = `${'  '.repeat(depth)}${n.type} [${n.start}, ${n.end})`;
    const extra = describe(n);
    if (extra) line += ' ' + extra;
    if (!n.children) {
      const text = doc.source.slice(n.start, n.end);
      line += ' ' + JSON.stringify(text.length > 60 ? text.slice(0, 57) + '...' : text);
    }
    lines.push(line);
    if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push([n.children[i], depth + 1]);
  }
  return lines.join('\n') + '\n';
}

function describe(n: SyntaxNode): string {
  const any = n as unknown as Record<string, unknown>;
  const bits: string[] = [];
  for (const key of ['name', 'level', 'target', 'kind', 'url', 'prefix', 'header', 'closed', 'selfClosing', 'closing', 'positional', 'value']) {
    if (key in any && any[key] !== undefined && typeof any[key] !== 'object' && typeof any[key] !== 'function') bits.push(`${key}=${JSON.stringify(any[key])}`);
  }
  return bits.join(' ');
}
