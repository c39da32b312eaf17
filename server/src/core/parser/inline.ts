/**
 * Inline structure of a range (MediaWiki's main parser after block structure): wikilinks resolved from the
 * preprocessor's candidates, external links, bare URLs with MediaWiki's trailing-punctuation rule, HTML tags,
 * quotes, entities, signatures, behaviour switches and magic links. Every failed search is remembered.
 */
import { ExternalLinkNode, HtmlTagNode, SyntaxNode } from './nodes';
import { addItems, indexOfChar, ItemSlicer } from './items';
import { parseAttributes } from './attributes';
import { syntaxData } from './syntaxData';
import { leafOrContainer, type ParseContext } from './context';
import { bracketProtocol, endsUrl, INLINE_TRIGGER, isWordBoundary, NL } from './chars';
import { resolveLinks } from './links';

/** Offset of the first character that may start an inline construct, or -1: most values are plain text. */
function firstInlineTrigger(src: string, items: SyntaxNode[]): number {
  const trigger = INLINE_TRIGGER;
  for (let k = 0; k < items.length; k++) {
    const n = items[k];
    if (n.type !== 'Text') continue;
    for (let p = n.start, e = n.end; p < e; p++) {
      const c = src.charCodeAt(p);
      if (c < 128 && trigger[c] !== 0) return p;
    }
  }
  return -1;
}



const ENTITY_RE = /&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);/y;
const ISBN_RE = /ISBN[ \t\u00a0]+(?:97[89][- \t\u00a0]?)?(?:[0-9][- \t\u00a0]?){9}[0-9Xx]\b/y;
const NUMBER_LINK_RE = /(?:RFC|PMID)[ \t\u00a0]+[0-9]+\b/y;
const TAG_NAME_RE = /<(\/?)([A-Za-z][A-Za-z0-9]*)/y;

/** Inline structure of `[start, end)`: links, external links, HTML tags, quotes, entities, magic links. */
export function inline(ctx: ParseContext, rawItems: SyntaxNode[], start: number, end: number): SyntaxNode[] {
  const items = resolveLinks(ctx, rawItems);
  const firstTrigger = firstInlineTrigger(ctx.src, items);
  // Most containers are plain text: no scanner object, no copies.
  if (firstTrigger < 0) return items;
  return new InlineScan(ctx, items, start, end).run(firstTrigger);
}

/**
 * One inline scan over the items of a range. A class rather than closures: one object per scan, where
 * a closure per helper was allocated on every call (most calls find nothing to do).
 */
class InlineScan {
  private out: SyntaxNode[] = [];
  private slicer: ItemSlicer;
  private emitted: number;
  private noBracketBefore = -1;
  private noTagEndBefore = -1;
  private src: string;

  constructor(private ctx: ParseContext, private items: SyntaxNode[], start: number, private end: number) {
    this.src = ctx.src;
    this.slicer = new ItemSlicer(items);
    this.emitted = start;
  }

  run(firstTrigger: number): SyntaxNode[] {
    const items = this.items;
    const text = this.src, trigger = INLINE_TRIGGER;
    for (let k = 0; k < items.length; k++) {
      const item = items[k];
      if (item.type !== 'Text' || item.end <= this.emitted || item.end <= firstTrigger) continue;
      const limit = item.end;
      let p = Math.max(item.start, this.emitted, firstTrigger);
      while (p < limit) {
        // fast skip of plain text, with locals only
        let q = p;
        while (q < limit) {
          const c = text.charCodeAt(q);
          if (c < 128 && trigger[c] !== 0) break;
          q++;
        }
        p = q;
        if (p >= limit) break;
        const ch = text.charCodeAt(p);
        let node: SyntaxNode | null = null;
        let skip = 1;
        if (ch === 91 /* [ */) node = this.externalLink(p, k);
        else if (ch === 39 /* ' */) {
          let n = 1;
          while (p + n < limit && text.charCodeAt(p + n) === 39) n++;
          // `''` italic, `'''` bold, `'''''` both; a longer run keeps its extra apostrophes as text.
          if (n >= 2) {
            const markup = n === 4 ? 3 : n > 5 ? 5 : n;
            node = new SyntaxNode('Quote', p + n - markup, p + n, null);
          }
          skip = n;
        } else if (ch === 60 /* < */) node = this.htmlTag(p, k, limit);
        else if (ch === 38 /* & */) node = this.sticky(ENTITY_RE, p, 'Entity', limit);
        else if (ch === 126 /* ~ */) {
          let n = 1;
          while (p + n < limit && text.charCodeAt(p + n) === 126) n++;
          if (n >= 3 && n <= 5) node = new SyntaxNode('Signature', p, p + n, null);
          skip = n;
        } else if (ch === 95 /* _ */) {
          if (text.charCodeAt(p + 1) === 95) {
            const switchRe = syntaxData.switchRe;
            switchRe.lastIndex = p;
            const s = switchRe.exec(text);
            if (s && s.index + s[0].length <= limit && syntaxData.isBehaviorSwitch(s[1])) node = new SyntaxNode('BehaviorSwitch', p, p + s[0].length, null);
          }
        } else if (ch === 58 /* : */) {
          node = this.freeUrlAtColon(p, Math.max(item.start, this.emitted), limit);
        } else if (ch === 73 /* I */ || ch === 80 /* P */ || ch === 82 /* R */) {
          if (isWordBoundary(text, p)) {
            if (text.startsWith('ISBN', p)) node = this.sticky(ISBN_RE, p, 'MagicLink', limit);
            else if (text.startsWith('PMID', p) || text.startsWith('RFC', p)) node = this.sticky(NUMBER_LINK_RE, p, 'MagicLink', limit);
          }
        }
        if (node) {
          this.emit(node);
          if (node.end >= limit) break;
          p = node.end;
        } else p += skip;
      }
    }
    this.slicer.appendTo(this.out, this.emitted, this.end);
    return this.out;
  }

  private emit(node: SyntaxNode): void {
    this.slicer.appendTo(this.out, this.emitted, node.start);
    this.out.push(node);
    this.emitted = node.end;
  }

  /** The offset of the first `ch` in text leaves from `from`, stopping at a newline; -1 if none. */
  private findInText(from: number, ch: number, k0: number): number {
    const items = this.items, src = this.src;
    for (let k = k0; k < items.length; k++) {
      const n = items[k];
      if (n.type !== 'Text' || n.end <= from) continue;
      for (let p = Math.max(from, n.start); p < n.end; p++) {
        const c = src.charCodeAt(p);
        if (c === ch) return p;
        if (c === NL) return -1;
      }
    }
    return -1;
  }

  private sticky(r: RegExp, p: number, type: 'Entity' | 'MagicLink', limit: number): SyntaxNode | null {
    r.lastIndex = p;
    const s = r.exec(this.src);
    if (!s || p + s[0].length > limit) return null;
    return new SyntaxNode(type, p, p + s[0].length, null);
  }

  private externalLink(p: number, k: number): SyntaxNode | null {
    const src = this.src, items = this.items;
    const bp = bracketProtocol();
    bp.lastIndex = p + 1;
    const pm = bp.exec(src);
    if (!pm) return null;
    const urlStart = p + 1;
    let urlEnd = urlStart + pm[0].length;
    const itemEnd = items[k].end;
    while (urlEnd < itemEnd && !endsUrl(src.charCodeAt(urlEnd))) urlEnd++;
    if (urlEnd === urlStart + pm[0].length) return null;
    if (urlEnd <= this.noBracketBefore) return null;
    const close = this.findInText(urlEnd, 93, k);
    if (close < 0) {
      this.noBracketBefore = this.lineEndFrom(urlEnd, k);
      return null;
    }
    const children: SyntaxNode[] = [new SyntaxNode('Punct', p, p + 1, null), new SyntaxNode('ExternalLinkUrl', urlStart, urlEnd, null)];
    if (close > urlEnd) {
      const sub = new ItemSlicer(items).slice(urlEnd, close);
      children.push(leafOrContainer('ExternalLinkText', urlEnd, close, inline(this.ctx, sub, urlEnd, close)));
    }
    children.push(new SyntaxNode('Punct', close, close + 1, null));
    return this.ctx.constructs[this.ctx.constructs.length] = new ExternalLinkNode('ExternalLink', p, close + 1, children, src.slice(urlStart, urlEnd));
  }

  private lineEndFrom(from: number, k0: number): number {
    const items = this.items;
    for (let k = k0; k < items.length; k++) {
      const n = items[k];
      if (n.type !== 'Text' || n.end <= from) continue;
      const at = indexOfChar(this.src, NL, Math.max(from, n.start), n.end);
      if (at >= 0) return at;
    }
    return this.end;
  }

  /** A bare URL whose protocol ends with the colon at `colon` (MediaWiki's free external links). */
  private freeUrlAtColon(colon: number, floor: number, limit: number): SyntaxNode | null {
    const src = this.src;
    const next = src.charCodeAt(colon + 1);
    if (next === 32 || next !== next || next === 10) return null;
    let p = colon;
    while (p > floor && p > colon - 10) {
      const c = src.charCodeAt(p - 1) | 0x20;
      if (c >= 97 && c <= 122) p--;
      else break;
    }
    if (p === colon) return null;
    let prot = src.slice(p, colon + 1).toLowerCase();
    // the protocol is the longest known scheme ending here, e.g. "https:" in "xhttps:"
    while (!syntaxData.freeProtocols.has(prot) && prot.length > 2) {
      prot = prot.slice(1);
      p++;
    }
    if (!syntaxData.freeProtocols.has(prot)) return null;
    let protLen = prot.length;
    if (syntaxData.slashProtocols.has(prot)) {
      if (src.charCodeAt(colon + 1) !== 47 || src.charCodeAt(colon + 2) !== 47) return null;
      protLen += 2;
    }
    if (!isWordBoundary(src, p)) return null;
    let e = p + protLen;
    while (e < limit && !endsUrl(src.charCodeAt(e))) e++;
    // a URL cannot run into a quote run: '' ends it
    let hasParen = false;
    for (let k = p + protLen; k < e; k++) {
      const c = src.charCodeAt(k);
      if (c === 39 && k + 1 < e && src.charCodeAt(k + 1) === 39) {
        e = k;
        break;
      }
      if (c === 40) hasParen = true;
    }
    // MediaWiki drops trailing punctuation, and a closing parenthesis unless the URL has an opening one.
    while (e > p + protLen) {
      const c = src.charCodeAt(e - 1);
      if (c === 44 || c === 59 || c === 46 || c === 58 || c === 33 || c === 63 || (c === 41 && !hasParen)) e--;
      else break;
    }
    if (e <= p + protLen) return null;
    return this.ctx.constructs[this.ctx.constructs.length] = new ExternalLinkNode('FreeUrl', p, e, [new SyntaxNode('Text', p, e, null)], src.slice(p, e));
  }

  private htmlTag(p: number, k: number, limit: number): SyntaxNode | null {
    const src = this.src;
    TAG_NAME_RE.lastIndex = p;
    const t = TAG_NAME_RE.exec(src);
    if (!t || p + t[0].length > limit) return null;
    const name = t[2].toLowerCase();
    if (!syntaxData.htmlTags.has(name)) return null;
    const nameEnd = p + t[0].length;
    const after = src.charCodeAt(nameEnd);
    if (!(after === 62 || after === 47 || after === 32 || after === 9 || after === 10 || after === 13)) return null;
    if (nameEnd <= this.noTagEndBefore) return null;
    const gt = this.findInText(nameEnd, 62, k);
    if (gt < 0) {
      this.noTagEndBefore = this.lineEndFrom(nameEnd, k);
      return null;
    }
    const closing = t[1] === '/';
    const selfClosing = src.charCodeAt(gt - 1) === 47 && gt - 1 >= nameEnd;
    const attrEnd = selfClosing ? gt - 1 : gt;
    const children: SyntaxNode[] = [new SyntaxNode('Punct', p, nameEnd, null)];
    let attributes: ReturnType<typeof parseAttributes>['attributes'] = [];
    const inner = new ItemSlicer(this.items).slice(nameEnd, attrEnd);
    if (inner.every((n) => n.type === 'Text')) {
      const parsed = parseAttributes(src, nameEnd, attrEnd);
      for (const c of parsed.children) children.push(c);
      attributes = parsed.attributes;
    } else {
      addItems(children, inner);
    }
    children.push(new SyntaxNode('Punct', attrEnd, gt + 1, null));
    return new HtmlTagNode(p, gt + 1, children, name, closing, selfClosing, attributes);
  }
}
