/**
 * Phase 1 of parsing, after MediaWiki's Preprocessor_Hash: comments and extension tags first, then
 * template braces with the rightmost-match rule, `[[ ]]` pairs (so that a pipe inside a link does not
 * split a template argument), and headings at line start. One left-to-right scan with an explicit stack:
 * an opener that never closes falls back to text without rescanning, so the scan is linear.
 */
import {
  ArgumentNode,
  CommentNode,
  ExtensionTagNode,
  HeadingNode,
  HtmlTagNode,
  ParameterNode,
  ParserFunctionNode,
  SyntaxNode,
  TemplateNode,
  UnclosedConstruct,
} from './nodes';
import { parseAttributes } from './attributes';
import { syntaxData } from './syntaxData';
import type { ParseContext } from './parse';
import { leafOrContainer } from './parse';

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

/** A `[[...]]` pair found by the preprocessor; phase 2 decides whether it is a real link. */
export class LinkCandidate extends SyntaxNode {
  constructor(start: number, end: number, children: SyntaxNode[]) {
    super('Wikilink', start, end, children);
  }
}

class Part {
  items: SyntaxNode[] = [];
  /** Index in `items` of the `=` separator, or -1. */
  eq = -1;
  /** `pipe`: offset of the `|` that opened this part, or -1 for the title part. */
  constructor(public pipe: number) {}
}

class Piece {
  parts: Part[];
  /** `open`: `{`, `[` or a newline for a heading. */
  constructor(public open: number, public startPos: number, public count: number, first: Part) {
    this.parts = [first];
  }
}

/** The first `code` in `[from, to)`, or -1; never scans past `to` (an unbounded indexOf would make parsing quadratic). */
export function indexOfChar(src: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (src.charCodeAt(i) === code) return i;
  return -1;
}

/**
 * Appends a text range to an item list, merging with a preceding adjacent text leaf. Nodes are never
 * changed once made (a merge makes a new leaf), so one leaf may safely sit in several item lists.
 */
export function addText(items: SyntaxNode[], start: number, end: number): void {
  if (start >= end) return;
  const n = items.length;
  const last = n ? items[n - 1] : undefined;
  if (last !== undefined && last.type === 'Text' && last.end === start) items[n - 1] = new SyntaxNode('Text', last.start, end, null);
  else items.push(new SyntaxNode('Text', start, end, null));
}

/** Appends a node; a text leaf merges with a preceding adjacent one, else is appended as it is (no copy). */
export function addNode(items: SyntaxNode[], node: SyntaxNode): void {
  if (node.type === 'Text') {
    const n = items.length;
    const last = n ? items[n - 1] : undefined;
    if (last !== undefined && last.type === 'Text' && last.end === node.start) {
      items[n - 1] = new SyntaxNode('Text', last.start, node.end, null);
      return;
    }
  }
  items.push(node);
}

/** Appends nodes, merging adjacent text leaves. */
export function addItems(items: SyntaxNode[], nodes: SyntaxNode[]): void {
  for (let k = 0; k < nodes.length; k++) addNode(items, nodes[k]);
}

/** Concatenated text of the text leaves (comments and other nodes skipped). */
export function itemsText(src: string, items: SyntaxNode[]): string {
  let s = '';
  for (const n of items) if (n.type === 'Text') s += src.slice(n.start, n.end);
  return s;
}

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
  const src = ctx.src;
  const root: SyntaxNode[] = [];
  const stack: Piece[] = [];
  let accum = root;
  let i = start;
  let textStart = start;
  let findPipe = false, findEquals = false, inHeading = false;
  let noMoreGT = false;
  const nextClose = new Map<string, number>();
  let lineStart = true;

  const syncFlags = () => {
    const top = stack.length ? stack[stack.length - 1] : undefined;
    if (!top) {
      findPipe = findEquals = inHeading = false;
      accum = root;
      return;
    }
    findPipe = top.open === LBRACE;
    const part = top.parts[top.parts.length - 1];
    findEquals = findPipe && top.parts.length > 1 && part.eq < 0;
    inHeading = top.open === NL;
    accum = part.items;
  };
  const flush = () => {
    if (textStart < i) addText(accum, textStart, i);
    textStart = i;
  };

  for (;;) {
    if (lineStart) {
      lineStart = false;
      let count = 0;
      while (count < 6 && i + count < end && src.charCodeAt(i + count) === EQ) count++;
      if (count > 0 && !(count === 1 && findEquals) && stack.length < MAX_NESTING) {
        flush();
        const part = new Part(-1);
        addText(part.items, i, i + count);
        stack.push(new Piece(NL, i, count, part));
        i += count;
        textStart = i;
        syncFlags();
      }
    }
    // Skip the literal run up to the next character that means something in the current state, with the
    // regular expression of that state (compiled to a native scan loop). A sub-range always ends before
    // a `<` (its closing tag), so the search never runs far past `end`.
    const re = !findPipe ? (stack.length && stack[stack.length - 1].open === LBRACKET ? SCAN_BRACKET : SCAN_ROOT) : findEquals ? SCAN_BRACE_EQ : SCAN_BRACE;
    re.lastIndex = i;
    let j = re.test(src) ? re.lastIndex - 1 : end;
    if (j > end) j = end;
    const c = j < end ? src.charCodeAt(j) : 0;
    i = j;
    if (i >= end) {
      if (inHeading) {
        flush();
        closeHeading();
        continue;
      }
      break;
    }

    if (c === LT) {
      handleAngle();
    } else if (c === NL) {
      if (inHeading) {
        flush();
        closeHeading();
      } else {
        i++;
        lineStart = true;
      }
    } else if (c === LBRACE || c === LBRACKET) {
      let count = 1;
      while (i + count < end && src.charCodeAt(i + count) === c) count++;
      if (count >= 2 && stack.length < MAX_NESTING) {
        flush();
        stack.push(new Piece(c, i, count, new Part(-1)));
        i += count;
        textStart = i;
        syncFlags();
      } else {
        i += count;
      }
    } else if (c === RBRACE || c === RBRACKET) {
      handleClose(c);
    } else if (c === PIPE) {
      flush();
      stack[stack.length - 1].parts.push(new Part(i));
      i++;
      textStart = i;
      syncFlags();
    } else if (c === EQ) {
      flush();
      const part = stack[stack.length - 1].parts[stack[stack.length - 1].parts.length - 1];
      part.items.push(new SyntaxNode('Punct', i, i + 1, null));
      part.eq = part.items.length - 1;
      i++;
      textStart = i;
      syncFlags();
    }
  }
  flush();
  // Unclosed openers become text, keeping what was parsed inside them (MediaWiki's breakSyntax).
  accum = root;
  for (const piece of stack) {
    if (piece.open !== NL) {
      const kind = piece.open === LBRACKET ? 'link' : piece.count >= 3 ? 'argument' : 'template';
      ctx.unclosed.push({ kind, start: piece.startPos, end: piece.startPos + piece.count });
    }
    addItems(root, breakSyntax(piece));
  }
  return root;

  function handleAngle(): void {
    // Comments
    if (src.startsWith('<!--', i)) {
      flush();
      let close = src.indexOf('-->', i + 4);
      let closed = true;
      if (close < 0 || close + 3 > end) {
        close = end - 3;
        closed = false;
        ctx.unclosed.push({ kind: 'comment', start: i, end: i + 4 });
      }
      accum.push(ctx.constructs[ctx.constructs.length] = new CommentNode(i, close + 3, closed));
      i = close + 3;
      textStart = i;
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
      if (src.charCodeAt(i + 1) === 47) handleIgnoredCloseTag();
      else i++;
      return;
    }
    const gt = noMoreGT ? -1 : src.indexOf('>', j);
    if (gt < 0 || gt >= end) {
      noMoreGT = true;
      i++;
      return;
    }
    flush();
    const tagStart = i;
    if (name === 'noinclude' || name === 'onlyinclude') {
      // Page view ignores these markers; their content belongs to the page as if they were absent.
      const selfClosing = src.charCodeAt(gt - 1) === 47;
      accum.push(new HtmlTagNode(tagStart, gt + 1, [new SyntaxNode('Punct', tagStart, gt + 1, null)], name, false, selfClosing, []));
      i = gt + 1;
      textStart = i;
      return;
    }
    const selfClosing = src.charCodeAt(gt - 1) === 47 && gt - 1 >= j;
    let closeAt = -1;
    if (!selfClosing) {
      const cached = nextClose.get(name);
      if (cached === undefined || (cached >= 0 && cached <= gt)) {
        const re = closeTagRegex(name);
        re.lastIndex = gt + 1;
        const m = re.exec(src);
        closeAt = m && m.index + m[0].length <= end ? m.index : -1;
        nextClose.set(name, closeAt);
      } else closeAt = cached;
      if (closeAt >= 0 && ctx.reuse) {
        // an unchanged tag of the previous version: its parsed body is taken as it is
        const reused = ctx.reuse.take(tagStart, src.indexOf('>', closeAt) + 1, name, ctx.constructs, ctx.unclosed);
        if (reused) {
          accum.push(reused);
          i = reused.end;
          textStart = i;
          return;
        }
      }
    }
    const attrEnd = selfClosing ? gt - 1 : gt;
    const attrs = parseAttributes(src, j, attrEnd);
    const openChildren: SyntaxNode[] = [new SyntaxNode('Punct', i, j, null), ...attrs.children, new SyntaxNode('Punct', attrEnd, gt + 1, null)];
    const openTag = new SyntaxNode('TagOpen', i, gt + 1, openChildren);
    if (selfClosing) {
      accum.push(ctx.constructs[ctx.constructs.length] = new ExtensionTagNode(tagStart, gt + 1, [openTag], name, attrs.attributes, openTag, null, null, true, true));
      i = gt + 1;
      textStart = i;
      return;
    }
    if (closeAt < 0) {
      // No closing tag: MediaWiki prints the open tag as text and goes on after it.
      ctx.unclosed.push({ kind: 'extension-tag', start: tagStart, end: gt + 1, name });
      accum.push(ctx.constructs[ctx.constructs.length] = new ExtensionTagNode(tagStart, gt + 1, [openTag], name, attrs.attributes, openTag, null, null, false, false));
      i = gt + 1;
      textStart = i;
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
    accum.push(ctx.constructs[ctx.constructs.length] = new ExtensionTagNode(tagStart, closeEnd, [openTag, body, closeTag], name, attrs.attributes, openTag, body, closeTag, false, true));
    i = closeEnd;
    textStart = i;
  }

  function handleIgnoredCloseTag(): void {
    const m = /^<\/(noinclude|onlyinclude)\s*>/i.exec(src.slice(i, Math.min(end, i + 20)));
    if (!m) {
      i++;
      return;
    }
    flush();
    const e = i + m[0].length;
    accum.push(new HtmlTagNode(i, e, [new SyntaxNode('Punct', i, e, null)], m[1].toLowerCase(), true, false, []));
    i = e;
    textStart = i;
  }

  function closeHeading(): void {
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
    syncFlags();
    if (count > 0) {
      const hs = piece.startPos;
      const slicer = new ItemSlicer(items);
      const content = leafOrContainer('HeadingContent', hs + count, p - count, ctx.inline(slicer.slice(hs + count, p - count), hs + count, p - count));
      const children = [new SyntaxNode('Punct', hs, hs + count, null), content, new SyntaxNode('Punct', p - count, p, null), ...slicer.slice(p, i)];
      accum.push(ctx.constructs[ctx.constructs.length] = new HeadingNode(hs, i, children, count, content));
    } else {
      addItems(accum, items);
    }
    textStart = i;
  }

  function handleClose(c: number): void {
    const piece = stack[stack.length - 1];
    // Only up to 3 closing characters can ever match (2 for brackets): counting further would make a long
    // run of `}}` against a long run of `{{` quadratic (MediaWiki counts the whole run each time).
    const need = Math.min(piece.count, piece.open === LBRACE ? 4 : 3);
    let count = 1;
    while (count < need && i + count < end && src.charCodeAt(i + count) === c) count++;
    let matching: number;
    if (piece.open === LBRACE) matching = count > 3 ? 3 : count >= 2 ? count : 0;
    else matching = count >= 2 ? 2 : 0;
    if (matching <= 0) {
      i += count;
      return;
    }
    flush();
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
    i = elemEnd;
    textStart = i;
    stack.pop();
    if (matching < piece.count) {
      piece.count -= matching;
      piece.parts = [new Part(-1)];
      if (piece.count >= 2) {
        stack.push(piece);
        piece.parts[0].items.push(element);
        syncFlags();
        return;
      }
      syncFlags();
      addText(accum, piece.startPos, piece.startPos + piece.count);
    } else {
      syncFlags();
    }
    accum.push(element);
  }

  function breakSyntax(piece: Piece): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    if (piece.open !== NL) addText(out, piece.startPos, piece.startPos + piece.count);
    for (const part of piece.parts) {
      if (part.pipe >= 0) addText(out, part.pipe, part.pipe + 1);
      for (let k = 0; k < part.items.length; k++) {
        const n = part.items[k];
        if (k === part.eq) addText(out, n.start, n.end);
        else addNode(out, n);
      }
    }
    return out;
  }
}

/** Returns sub-lists of an item list by offsets, splitting text leaves at the edges. */
export class ItemSlicer {
  private idx = 0;
  constructor(private items: SyntaxNode[]) {}

  /** Index of the first item ending after `a`, searching on from the previous call (calls go left to right). */
  private seek(a: number): number {
    const items = this.items;
    let k = this.idx;
    if (k >= items.length || items[k].start > a) k = 0;
    while (k < items.length && items[k].end <= a) k++;
    this.idx = k;
    return k;
  }

  /** Items covering `[a, b)`; `a` and `b` must not fall inside a non-text node. Calls must go left to right. */
  slice(a: number, b: number): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    if (a >= b) return out;
    const items = this.items;
    for (let k = this.seek(a); k < items.length && items[k].start < b; k++) {
      const n = items[k];
      if (n.start >= a && n.end <= b) out.push(n);
      else if (n.type === 'Text') out.push(new SyntaxNode('Text', Math.max(a, n.start), Math.min(b, n.end), null));
      else out.push(n); // cannot happen for well-formed cuts; keep the node rather than lose text
    }
    return out;
  }

  /** Like `slice`, but appends straight to `out` (merging adjacent text leaves): no intermediate list. */
  appendTo(out: SyntaxNode[], a: number, b: number): void {
    if (a >= b) return;
    const items = this.items;
    for (let k = this.seek(a); k < items.length && items[k].start < b; k++) {
      const n = items[k];
      if (n.type === 'Text' && (n.start < a || n.end > b)) addText(out, Math.max(a, n.start), Math.min(b, n.end));
      else addNode(out, n);
    }
  }
}

function partEnd(parts: Part[], index: number, closeAt: number): number {
  return index + 1 < parts.length ? parts[index + 1].pipe : closeAt;
}

/** Builds the Parameter nodes for parts 1.., numbering positional ones as MediaWiki does. */
function buildParams(ctx: ParseContext, parts: Part[], closeAt: number, firstIndex: number): ParameterNode[] {
  const params: ParameterNode[] = new Array(parts.length - 1);
  const src = ctx.src;
  let index = firstIndex;
  for (let k = 1; k < parts.length; k++) {
    const part = parts[k];
    const items = part.items;
    const pEnd = partEnd(parts, k, closeAt);
    const pipe = new SyntaxNode('Punct', part.pipe, part.pipe + 1, null);
    if (part.eq >= 0) {
      const eq = part.eq;
      const eqNode = items[eq];
      let nameNode: SyntaxNode, name: string;
      if (eq === 1 && items[0].type === 'Text') {
        // the usual `|name=`: one text leaf
        nameNode = new SyntaxNode('ParameterName', part.pipe + 1, eqNode.start, null);
        name = src.slice(part.pipe + 1, eqNode.start).trim();
      } else {
        const nameItems = items.slice(0, eq);
        nameNode = leafOrContainer('ParameterName', part.pipe + 1, eqNode.start, ctx.links(nameItems));
        name = itemsText(src, nameItems).trim();
      }
      const valueNode = ctx.container('ParameterValue', eqNode.end, pEnd, eq + 1 === items.length ? [] : eq + 2 === items.length ? [items[eq + 1]] : items.slice(eq + 1));
      params[k - 1] = new ParameterNode(part.pipe, pEnd, [pipe, nameNode, eqNode, valueNode], name, false, nameNode, valueNode);
    } else {
      const valueNode = ctx.container('ParameterValue', part.pipe + 1, pEnd, items);
      params[k - 1] = new ParameterNode(part.pipe, pEnd, [pipe, valueNode], positionalName(index++), true, null, valueNode);
    }
  }
  return params;
}

const POSITIONAL_NAMES: string[] = [];
/** "1", "2"...: the names of positional parameters, made once. */
function positionalName(i: number): string {
  if (i < 64) return (POSITIONAL_NAMES[i] ??= String(i));
  return String(i);
}

function buildTemplate(ctx: ParseContext, parts: Part[], start: number, closeAt: number): SyntaxNode {
  const src = ctx.src;
  const title = parts[0].items;
  const titleEnd = partEnd(parts, 0, closeAt);
  const open = new SyntaxNode('Punct', start, start + 2, null);
  const close = new SyntaxNode('Punct', closeAt, closeAt + 2, null);
  // A parser function: `#name:` or a known function name before the first colon of the title.
  let colon = -1;
  for (const n of title) {
    if (n.type === 'Text') {
      const at = indexOfChar(src, 58 /* : */, n.start, n.end);
      if (at >= 0) {
        colon = at;
        break;
      }
    } else if (n.type !== 'Comment') break;
  }
  if (colon >= 0) {
    const fnName = src.slice(start + 2, colon).trim();
    const upper = fnName.toUpperCase();
    if ((fnName.startsWith('#') && fnName.length > 1) || syntaxData.parserFunctions.has(upper)) {
      if (upper !== 'SUBST' && upper !== 'SAFESUBST' && upper !== 'MSGNW' && upper !== 'MSG' && upper !== 'RAW') {
        const slicer = new ItemSlicer(title);
        const nameNode = leafOrContainer('TemplateName', start + 2, colon, ctx.links(slicer.slice(start + 2, colon)));
        const colonNode = new SyntaxNode('Punct', colon, colon + 1, null);
        const firstValue = ctx.container('ParameterValue', colon + 1, titleEnd, slicer.slice(colon + 1, titleEnd));
        const first = new ParameterNode(colon + 1, titleEnd, [firstValue], '1', true, null, firstValue);
        const params = [first, ...buildParams(ctx, parts, closeAt, 2)];
        return ctx.constructs[ctx.constructs.length] = new ParserFunctionNode(start, closeAt + 2, [open, nameNode, colonNode, ...params, close], fnName, nameNode, params);
      }
    }
  }
  const nameNode = leafOrContainer('TemplateName', start + 2, titleEnd, ctx.links(title));
  const params = buildParams(ctx, parts, closeAt, 1);
  const rawName = itemsText(src, title);
  const node = new TemplateNode(start, closeAt + 2, [open, nameNode, ...params, close], normaliseTemplateName(rawName), nameNode, params);
  if (params.length === 0 && syntaxData.variables.has(rawName.trim())) node.type = 'MagicWord';
  ctx.constructs.push(node);
  return node;
}

/** Normalises a template title as MediaWiki resolves it: `_` as space, trimmed, `Template:` dropped, first letter upper case. */
export function normaliseTemplateName(raw: string): string {
  const templateNames = syntaxData.templateNames;
  let s = templateNames.get(raw);
  if (s === undefined) {
    // a page calls the same few templates again and again
    if (templateNames.size >= 4096) templateNames.clear();
    s = normaliseTemplateNameUncached(raw);
    templateNames.set(raw, s);
  }
  return s;
}

function normaliseTemplateNameUncached(raw: string): string {
  let s = raw.replace(/[_\s]+/g, ' ').trim();
  const m = /^(?:subst|safesubst|msgnw|msg|raw)\s*:\s*/i.exec(s);
  if (m) s = s.slice(m[0].length);
  const ns = syntaxData.templatePrefixRe.exec(s);
  if (ns) s = s.slice(ns[0].length);
  return s && syntaxData.firstLetterCase ? s[0].toUpperCase() + s.slice(1) : s;
}

function buildArgument(ctx: ParseContext, parts: Part[], start: number, closeAt: number): SyntaxNode {
  const src = ctx.src;
  const nameEnd = partEnd(parts, 0, closeAt);
  const children: SyntaxNode[] = [new SyntaxNode('Punct', start, start + 3, null)];
  const nameItems: SyntaxNode[] = [];
  addItemsFlat(nameItems, parts[0]);
  children.push(leafOrContainer('ArgumentName', start + 3, nameEnd, ctx.links(nameItems)));
  for (let k = 1; k < parts.length; k++) {
    const part = parts[k];
    const pEnd = partEnd(parts, k, closeAt);
    const valueItems: SyntaxNode[] = [];
    addItemsFlat(valueItems, part);
    const value = ctx.container('ParameterValue', part.pipe + 1, pEnd, valueItems);
    children.push(new SyntaxNode('ArgumentDefault', part.pipe, pEnd, [new SyntaxNode('Punct', part.pipe, part.pipe + 1, null), value]));
  }
  children.push(new SyntaxNode('Punct', closeAt, closeAt + 3, null));
  return new ArgumentNode(start, closeAt + 3, children, itemsText(src, nameItems).trim());
}

/** A part's items with its `=` separator turned back into text (arguments have no named parts). */
function addItemsFlat(out: SyntaxNode[], part: Part): void {
  for (let k = 0; k < part.items.length; k++) {
    const n = part.items[k];
    if (k === part.eq) addText(out, n.start, n.end);
    else addNode(out, n);
  }
}

export type { UnclosedConstruct };
