/**
 * Phase 1 of parsing, after MediaWiki's Preprocessor_Hash: comments and extension tags first, then
 * template braces with the rightmost-match rule, `[[ ]]` pairs (so that a pipe inside a link does not
 * split a template argument), and headings at line start. One left-to-right scan with an explicit stack:
 * an opener that never closes falls back to text without rescanning, so the scan is linear. The scan's
 * state is one `Preprocessor` object; templates and arguments are built in templates.ts.
 */
import { CommentNode, ExtensionTagNode, HeadingNode, HtmlTagNode, SyntaxNode } from './nodes';
import { parseAttributes } from './attributes';
import { syntaxData } from './syntaxData';
import { leafOrContainer, type ParseContext } from './context';
import { addItems, addText, ItemSlicer, LinkCandidate } from './items';
import { addItemsFlat, buildArgument, buildTemplate, Part, Piece } from './templates';

const LBRACE = 123, RBRACE = 125, LBRACKET = 91, RBRACKET = 93, LT = 60, NL = 10, PIPE = 124, EQ = 61;
/** Brace nesting deeper than this is left as text: no article comes near it, and it bounds recursion. */
export const MAX_NESTING = 200;
/** The characters that mean something to the preprocessor, by state: outside any brace or in a heading; */
const SCAN_ROOT = /[{[<\n]/g;
/** inside `[[`; */
const SCAN_BRACKET = /[{[<\n\]]/g;
/** inside `{{` (the title, or a part that has its `=`); */
const SCAN_BRACE = /[{[<\n}|]/g;
/** inside `{{`, in a part that may still have a `=`. */
const SCAN_BRACE_EQ = /[{[<\n}|=]/g;


const closeTagRegexes = new Map<string, RegExp>();
function closeTagRegex(name: string): RegExp {
  let re = closeTagRegexes.get(name);
  if (!re) {
    re = new RegExp('</' + name + '\\s*>', 'gi');
    closeTagRegexes.set(name, re);
  }
  return re;
}


/** Runs the preprocessor over `[start, end)` of the source; returns items (text leaves and nodes). */
export function preprocess(ctx: ParseContext, start: number, end: number): SyntaxNode[] {
  return new Preprocessor(ctx, start, end).run();
}

/** The state of one preprocessor scan over `[start, end)`. */
class Preprocessor {
  private src: string;
  private root: SyntaxNode[] = [];
  private stack: Piece[] = [];
  /** The item list text and nodes go to: the last part of the top piece, or the root. */
  private accum: SyntaxNode[];
  private i: number;
  /** Start of the literal text not yet added to `accum`. */
  private textStart: number;
  private findPipe = false;
  private findEquals = false;
  private inHeading = false;
  /** No `>` after the last search: no tag can open from here on. */
  private noMoreGT = false;
  /** The next closing tag of each extension tag name (-1: none), remembered so each search runs once. */
  private nextClose = new Map<string, number>();

  constructor(private ctx: ParseContext, start: number, private end: number) {
    this.src = ctx.src;
    this.accum = this.root;
    this.i = start;
    this.textStart = start;
  }

  run(): SyntaxNode[] {
    const src = this.src, end = this.end, stack = this.stack;
    let lineStart = true;
    for (;;) {
      if (lineStart) {
        lineStart = false;
        const i = this.i;
        let count = 0;
        while (count < 6 && i + count < end && src.charCodeAt(i + count) === EQ) count++;
        if (count > 0 && !(count === 1 && this.findEquals) && stack.length < MAX_NESTING) {
          this.flush();
          const part = new Part(-1);
          addText(part.items, i, i + count);
          stack.push(new Piece(NL, i, count, part));
          this.i = this.textStart = i + count;
          this.syncFlags();
        }
      }
      // Skip the literal run up to the next character that means something in the current state, with the
      // regular expression of that state (compiled to a native scan loop). A sub-range always ends before
      // a `<` (its closing tag), so the search never runs far past `end`.
      const re = !this.findPipe ? (stack.length && stack[stack.length - 1].open === LBRACKET ? SCAN_BRACKET : SCAN_ROOT) : this.findEquals ? SCAN_BRACE_EQ : SCAN_BRACE;
      re.lastIndex = this.i;
      let j = re.test(src) ? re.lastIndex - 1 : end;
      if (j > end) j = end;
      const c = j < end ? src.charCodeAt(j) : 0;
      this.i = j;
      if (j >= end) {
        if (this.inHeading) {
          this.flush();
          this.closeHeading();
          continue;
        }
        break;
      }

      if (c === LT) {
        this.handleAngle();
      } else if (c === NL) {
        if (this.inHeading) {
          this.flush();
          this.closeHeading();
        } else {
          this.i = j + 1;
          lineStart = true;
        }
      } else if (c === LBRACE || c === LBRACKET) {
        let count = 1;
        while (j + count < end && src.charCodeAt(j + count) === c) count++;
        if (count >= 2 && stack.length < MAX_NESTING) {
          this.flush();
          stack.push(new Piece(c, j, count, new Part(-1)));
          this.i = this.textStart = j + count;
          this.syncFlags();
        } else {
          this.i = j + count;
        }
      } else if (c === RBRACE || c === RBRACKET) {
        this.handleClose(c);
      } else if (c === PIPE) {
        this.flush();
        stack[stack.length - 1].parts.push(new Part(j));
        this.i = this.textStart = j + 1;
        this.syncFlags();
      } else if (c === EQ) {
        this.flush();
        const part = stack[stack.length - 1].parts[stack[stack.length - 1].parts.length - 1];
        part.items.push(new SyntaxNode('Punct', j, j + 1, null));
        part.eq = part.items.length - 1;
        this.i = this.textStart = j + 1;
        this.syncFlags();
      }
    }
    this.flush();
    // Unclosed openers become text, keeping what was parsed inside them (MediaWiki's breakSyntax).
    const root = this.root;
    this.accum = root;
    for (const piece of stack) {
      if (piece.open !== NL) {
        const kind = piece.open === LBRACKET ? 'link' : piece.count >= 3 ? 'argument' : 'template';
        this.ctx.unclosed.push({ kind, start: piece.startPos, end: piece.startPos + piece.count });
      }
      addItems(root, breakSyntax(piece));
    }
    return root;
  }

  private syncFlags(): void {
    const stack = this.stack;
    const top = stack.length ? stack[stack.length - 1] : undefined;
    if (!top) {
      this.findPipe = this.findEquals = this.inHeading = false;
      this.accum = this.root;
      return;
    }
    const findPipe = this.findPipe = top.open === LBRACE;
    const part = top.parts[top.parts.length - 1];
    this.findEquals = findPipe && top.parts.length > 1 && part.eq < 0;
    this.inHeading = top.open === NL;
    this.accum = part.items;
  }

  /** Adds the literal text before `i` to `accum`. */
  private flush(): void {
    if (this.textStart < this.i) addText(this.accum, this.textStart, this.i);
    this.textStart = this.i;
  }

  /** Goes on at `at` with nothing pending. */
  private skipTo(at: number): void {
    this.i = this.textStart = at;
  }

  private handleAngle(): void {
    const src = this.src, end = this.end, ctx = this.ctx, i = this.i;
    // Comments
    if (src.startsWith('<!--', i)) {
      this.flush();
      let close = src.indexOf('-->', i + 4);
      let closed = true;
      if (close < 0 || close + 3 > end) {
        close = end - 3;
        closed = false;
        ctx.unclosed.push({ kind: 'comment', start: i, end: i + 4 });
      }
      this.accum.push(ctx.constructs[ctx.constructs.length] = new CommentNode(i, close + 3, closed));
      this.skipTo(close + 3);
      return;
    }
    // Extension tags: <name followed by whitespace, '/>' or '>'
    let j = i + 1;
    while (j < end) {
      const d = src.charCodeAt(j);
      if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57)) j++;
      else break;
    }
    const rawName = src.slice(i + 1, j);
    const name = rawName.toLowerCase();
    const isRaw = syntaxData.rawTags.has(name);
    const isWikitext = !isRaw && syntaxData.wikitextTags.has(name);
    const after = src.charCodeAt(j);
    const validEnd = after === 62 /* > */ || after === 32 || after === 9 || after === 10 || after === 13 || after === 12 ||
      (after === 47 /* / */ && src.charCodeAt(j + 1) === 62);
    if (!(isRaw || isWikitext) || !validEnd || j >= end) {
      // `</noinclude>` and friends are markers that the page view ignores.
      if (src.charCodeAt(i + 1) === 47) this.handleIgnoredCloseTag();
      else this.i = i + 1;
      return;
    }
    const gt = this.noMoreGT ? -1 : src.indexOf('>', j);
    if (gt < 0 || gt >= end) {
      this.noMoreGT = true;
      this.i = i + 1;
      return;
    }
    this.flush();
    const tagStart = i;
    if (name === 'noinclude' || name === 'onlyinclude') {
      // Page view ignores these markers; their content belongs to the page as if they were absent.
      const selfClosing = src.charCodeAt(gt - 1) === 47;
      this.accum.push(new HtmlTagNode(tagStart, gt + 1, [new SyntaxNode('Punct', tagStart, gt + 1, null)], name, false, selfClosing, []));
      this.skipTo(gt + 1);
      return;
    }
    const selfClosing = src.charCodeAt(gt - 1) === 47 && gt - 1 >= j;
    let closeAt = -1;
    if (!selfClosing) {
      const cached = this.nextClose.get(name);
      if (cached === undefined || (cached >= 0 && cached <= gt)) {
        const re = closeTagRegex(name);
        re.lastIndex = gt + 1;
        const m = re.exec(src);
        closeAt = m && m.index + m[0].length <= end ? m.index : -1;
        this.nextClose.set(name, closeAt);
      } else closeAt = cached;
      if (closeAt >= 0 && ctx.reuse) {
        // an unchanged tag of the previous version: its parsed body is taken as it is
        const reused = ctx.reuse.take(tagStart, src.indexOf('>', closeAt) + 1, name, ctx.constructs, ctx.unclosed);
        if (reused) {
          this.accum.push(reused);
          this.skipTo(reused.end);
          return;
        }
      }
    }
    const attrEnd = selfClosing ? gt - 1 : gt;
    const attrs = parseAttributes(src, j, attrEnd);
    const openChildren: SyntaxNode[] = [new SyntaxNode('Punct', i, j, null), ...attrs.children, new SyntaxNode('Punct', attrEnd, gt + 1, null)];
    const openTag = new SyntaxNode('TagOpen', i, gt + 1, openChildren);
    if (selfClosing) {
      this.accum.push(ctx.constructs[ctx.constructs.length] = new ExtensionTagNode(tagStart, gt + 1, [openTag], name, attrs.attributes, openTag, null, null, true, true));
      this.skipTo(gt + 1);
      return;
    }
    if (closeAt < 0) {
      // No closing tag: MediaWiki prints the open tag as text and goes on after it.
      ctx.unclosed.push({ kind: 'extension-tag', start: tagStart, end: gt + 1, name });
      this.accum.push(ctx.constructs[ctx.constructs.length] = new ExtensionTagNode(tagStart, gt + 1, [openTag], name, attrs.attributes, openTag, null, null, false, false));
      this.skipTo(gt + 1);
      return;
    }
    const closeEnd = src.indexOf('>', closeAt) + 1;
    const bodyStart = gt + 1;
    let body: SyntaxNode;
    if (isRaw) {
      body = new SyntaxNode('TagBody', bodyStart, closeAt, bodyStart < closeAt ? [new SyntaxNode('RawText', bodyStart, closeAt, null)] : []);
    } else {
      body = new SyntaxNode('TagBody', bodyStart, closeAt, ctx.parseWikitext(bodyStart, closeAt));
    }
    const closeTag = new SyntaxNode('TagClose', closeAt, closeEnd, null);
    this.accum.push(ctx.constructs[ctx.constructs.length] = new ExtensionTagNode(tagStart, closeEnd, [openTag, body, closeTag], name, attrs.attributes, openTag, body, closeTag, false, true));
    this.skipTo(closeEnd);
  }

  private handleIgnoredCloseTag(): void {
    const i = this.i;
    const m = /^<\/(noinclude|onlyinclude)\s*>/i.exec(this.src.slice(i, Math.min(this.end, i + 20)));
    if (!m) {
      this.i = i + 1;
      return;
    }
    this.flush();
    const e = i + m[0].length;
    this.accum.push(new HtmlTagNode(i, e, [new SyntaxNode('Punct', i, e, null)], m[1].toLowerCase(), true, false, []));
    this.skipTo(e);
  }

  private closeHeading(): void {
    const src = this.src, stack = this.stack, i = this.i, ctx = this.ctx;
    const piece = stack[stack.length - 1];
    const items = piece.parts[0].items;
    // Look back over trailing spaces, tabs and comments for the closing run of '='.
    let p = i;
    let k = items.length - 1;
    for (;;) {
      while (p > piece.startPos && (src.charCodeAt(p - 1) === 32 || src.charCodeAt(p - 1) === 9 || src.charCodeAt(p - 1) === 13)) p--;
      while (k >= 0 && items[k].start >= p) k--;
      if (k >= 0 && items[k].type === 'Comment' && items[k].end === p) {
        p = items[k].start;
        k--;
        continue;
      }
      break;
    }
    let eqLen = 0;
    while (p - eqLen > piece.startPos && src.charCodeAt(p - eqLen - 1) === EQ) eqLen++;
    let count = 0;
    if (eqLen > 0) {
      if (p - eqLen === piece.startPos) count = eqLen < 3 ? 0 : Math.min(6, Math.floor((eqLen - 1) / 2));
      else count = Math.min(eqLen, piece.count);
    }
    stack.pop();
    this.syncFlags();
    if (count > 0) {
      const hs = piece.startPos;
      const slicer = new ItemSlicer(items);
      const content = leafOrContainer('HeadingContent', hs + count, p - count, ctx.inline(slicer.slice(hs + count, p - count), hs + count, p - count));
      const children = [new SyntaxNode('Punct', hs, hs + count, null), content, new SyntaxNode('Punct', p - count, p, null), ...slicer.slice(p, i)];
      this.accum.push(ctx.constructs[ctx.constructs.length] = new HeadingNode(hs, i, children, count, content));
    } else {
      addItems(this.accum, items);
    }
    this.textStart = i;
  }

  private handleClose(c: number): void {
    const src = this.src, stack = this.stack, i = this.i, ctx = this.ctx;
    const piece = stack[stack.length - 1];
    // Only up to 3 closing characters can ever match (2 for brackets): counting further would make a long
    // run of `}}` against a long run of `{{` quadratic (MediaWiki counts the whole run each time).
    const need = Math.min(piece.count, piece.open === LBRACE ? 4 : 3);
    let count = 1;
    while (count < need && i + count < this.end && src.charCodeAt(i + count) === c) count++;
    let matching: number;
    if (piece.open === LBRACE) matching = count > 3 ? 3 : count >= 2 ? count : 0;
    else matching = count >= 2 ? 2 : 0;
    if (matching <= 0) {
      this.i = i + count;
      return;
    }
    this.flush();
    const elemStart = piece.startPos + piece.count - matching;
    const elemEnd = i + matching;
    let element: SyntaxNode;
    if (piece.open === LBRACKET) {
      // the part's items are already merged text and atoms: copied into an array of the exact size
      const items = piece.parts[0].items;
      const children: SyntaxNode[] = new Array(items.length + 2);
      children[0] = new SyntaxNode('Punct', elemStart, elemStart + 2, null);
      for (let k = 0; k < items.length; k++) children[k + 1] = items[k];
      children[items.length + 1] = new SyntaxNode('Punct', i, elemEnd, null);
      element = new LinkCandidate(elemStart, elemEnd, children);
    } else if (matching === 3) {
      element = buildArgument(ctx, piece.parts, elemStart, i);
    } else {
      element = buildTemplate(ctx, piece.parts, elemStart, i);
    }
    this.skipTo(elemEnd);
    stack.pop();
    if (matching < piece.count) {
      piece.count -= matching;
      piece.parts = [new Part(-1)];
      if (piece.count >= 2) {
        stack.push(piece);
        piece.parts[0].items.push(element);
        this.syncFlags();
        return;
      }
      this.syncFlags();
      addText(this.accum, piece.startPos, piece.startPos + piece.count);
    } else {
      this.syncFlags();
    }
    this.accum.push(element);
  }
}

/** An opener that never closed, as text, with what was parsed inside it kept (MediaWiki's breakSyntax). */
function breakSyntax(piece: Piece): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  if (piece.open !== NL) addText(out, piece.startPos, piece.startPos + piece.count);
  for (const part of piece.parts) {
    if (part.pipe >= 0) addText(out, part.pipe, part.pipe + 1);
    addItemsFlat(out, part);
  }
  return out;
}
