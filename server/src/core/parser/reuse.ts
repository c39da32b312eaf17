/**
 * Incremental reparsing: after an edit, the new parse takes every closed extension tag (`<ref>`,
 * `<references>`, `<nowiki>`...) that lies wholly outside the edited range from the previous tree instead
 * of parsing its body again. A tag's body is parsed on its own, as a document of its own (MediaWiki
 * does the same), so the same body text always gives the same subtree, only shifted. The scan that finds
 * tags and their closing tags runs as before; only the bodies are skipped. On an article whose text is
 * mostly citations in refs, that is most of the parsing.
 *
 * The previous tree is consumed: the nodes taken over are shifted in place, so the old document must not
 * be used after it has been handed to `parse`.
 */
import { CONSTRUCT_TYPES, DocumentNode, ExtensionTagNode, SyntaxNode, UnclosedConstruct } from './nodes';

/** One edit between two versions: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The single change between two texts: their common prefix and suffix left out. O(length), no allocation. */
export function diffTexts(before: string, after: string): TextChange {
  const max = Math.min(before.length, after.length);
  let pre = 0;
  while (pre < max && before.charCodeAt(pre) === after.charCodeAt(pre)) pre++;
  let suf = 0;
  while (suf < max - pre && before.charCodeAt(before.length - 1 - suf) === after.charCodeAt(after.length - 1 - suf)) suf++;
  return { start: pre, oldEnd: before.length - suf, newEnd: after.length - suf };
}

/** What a parse may take from the previous tree. */
export class ReusableTree {
  private tags = new Map<number, ExtensionTagNode>();
  /** Start and end offsets of the old constructs in order of start, read before any node is shifted. */
  private starts: Int32Array;
  private ends: Int32Array;
  private nodes: SyntaxNode[];
  private unclosed: UnclosedConstruct[];
  private delta: number;

  constructor(old: DocumentNode, private change: TextChange) {
    this.delta = change.newEnd - change.oldEnd;
    this.nodes = old.constructs.slice().sort((a, b) => a.start - b.start || b.end - a.end);
    this.starts = new Int32Array(this.nodes.length);
    this.ends = new Int32Array(this.nodes.length);
    for (let k = 0; k < this.nodes.length; k++) {
      const n = this.nodes[k];
      this.starts[k] = n.start;
      this.ends[k] = n.end;
      if (n.type === 'ExtensionTag' && (n as ExtensionTagNode).body && (n.end <= change.start || n.start >= change.oldEnd)) {
        this.tags.set(n.start, n as ExtensionTagNode);
      }
    }
    this.unclosed = old.unclosed;
  }

  /**
   * The old tag node for a closed tag found at `[start, end)` of the new text, shifted to it, or null.
   * Its constructs and unclosed openers are appended to the given lists.
   */
  take(start: number, end: number, name: string, constructs: SyntaxNode[], unclosed: UnclosedConstruct[]): ExtensionTagNode | null {
    let shift: number;
    if (end <= this.change.start) shift = 0;
    else if (start >= this.change.newEnd) shift = this.delta;
    else return null;
    const oldStart = start - shift, oldEnd = end - shift;
    const tag = this.tags.get(oldStart);
    if (!tag || tag.end !== oldEnd || tag.name !== name) return null;
    this.tags.delete(oldStart); // a node goes into one tree once
    // its constructs: those of the old list within the tag (the tag itself included)
    let lo = 0, hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < oldStart) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < this.starts.length && this.starts[k] < oldEnd; k++) {
      if (this.ends[k] <= oldEnd && CONSTRUCT_TYPES.has(this.nodes[k].type)) constructs.push(this.nodes[k]);
    }
    for (const u of this.unclosed) {
      if (u.start >= oldStart && u.end <= oldEnd) unclosed.push({ ...u, start: u.start + shift, end: u.end + shift });
    }
    if (shift !== 0) shiftTree(tag, shift);
    return tag;
  }
}

/** Moves every node of a subtree by `delta`. */
function shiftTree(root: SyntaxNode, delta: number): void {
  const stack: SyntaxNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    n.start += delta;
    n.end += delta;
    const ch = n.children;
    if (ch) for (let k = 0; k < ch.length; k++) stack.push(ch[k]);
  }
}
