/** A structural fingerprint of a parsed document, for comparing two trees of the same text (incremental vs full). */
import type { DocumentNode, SyntaxNode } from '../../server/src/core/parser/nodes';

const FIELDS = ['name', 'target', 'url', 'level', 'closed', 'selfClosing', 'value', 'kind', 'fragment', 'prefix', 'header', 'positional'];

/** Every node's type, range and meaning (in document order), every unclosed opener, every listed construct. */
export function treeFingerprint(doc: DocumentNode): string {
  const out: string[] = [];
  const stack: SyntaxNode[] = [doc];
  while (stack.length) {
    const n = stack.pop()!;
    const extra = n as unknown as Record<string, unknown>;
    out.push(`${n.type} ${n.start} ${n.end} ${FIELDS.map((k) => (k in extra ? `${k}=${JSON.stringify(extra[k])}` : '')).join(' ')}`);
    if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  out.push(JSON.stringify(doc.unclosed));
  out.push(doc.constructs.map((c) => `${c.type}@${c.start}-${c.end}`).sort().join(','));
  return out.join('\n');
}

/** The first line where two fingerprints differ, for a readable failure; null when equal. */
export function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  const la = a.split('\n'), lb = b.split('\n');
  const k = la.findIndex((l, i) => l !== lb[i]);
  return `incremental: ${la[k]}\n  full:        ${lb[k]}`;
}
