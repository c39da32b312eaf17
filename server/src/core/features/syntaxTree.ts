/** The "show syntax tree" command: the parsed tree as indented text, one node a line. */
import type { Analysis } from '../analysis';
import { treeToText } from '../parser/printTree';

/** The document's syntax tree as indented text (types, offsets, what each node means, leaf text). */
export function parseTreeText(a: Analysis): string {
  return treeToText(a.doc);
}
