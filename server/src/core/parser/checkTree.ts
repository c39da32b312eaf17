import { CONSTRUCT_TYPES, type DocumentNode, type SyntaxNode } from './nodes';

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
