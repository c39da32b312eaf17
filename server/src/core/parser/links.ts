/**
 * Wikilinks: a `[[ ]]` pair the preprocessor found becomes a link when its target is a valid title (its
 * kind, page and fragment resolved against the namespaces of syntaxData), or text with its inside kept.
 */
import { SyntaxNode, WikilinkNode } from './nodes';
import { addItems, addNode, addText, indexOfChar, ItemSlicer, LinkCandidate } from './items';
import { syntaxData } from './syntaxData';
import { leafOrContainer, type ParseContext } from './context';
import { firstTriggerIn } from './chars';

const INVALID_TARGET = /[[\]{}<>\n]/;

/** Turns `[[...]]` candidates into links when their target is a valid title, or back into text when not. */
export function resolveLinks(ctx: ParseContext, items: SyntaxNode[]): SyntaxNode[] {
  let any = false;
  for (const n of items) if (n instanceof LinkCandidate) { any = true; break; }
  if (!any) return items;
  const src = ctx.src;
  const out: SyntaxNode[] = [];
  for (let k = 0; k < items.length; k++) {
    const n = items[k];
    if (!(n instanceof LinkCandidate)) {
      if (n.type === 'Text') addNode(out, n);
      else out.push(n);
      continue;
    }
    // `[[a|[b]]]`: when the text holds a `[` and a `]` follows, MediaWiki moves that `]` into the text.
    const next = items[k + 1];
    const takeBracket = next !== undefined && next.type === 'Text' && next.start === n.end && src.charCodeAt(n.end) === 93 && candidateTextHasBracket(src, n);
    const link = resolveLink(ctx, n, takeBracket);
    if (link) {
      out.push(link);
      if (takeBracket) {
        if (next.end > next.start + 1) addText(out, next.start + 1, next.end);
        k++;
      }
    } else addItems(out, resolveLinks(ctx, flattenCandidate(n)));
  }
  return out;
}

/** True when the candidate has a pipe and a `[` after it, in its text leaves. */
function candidateTextHasBracket(src: string, n: LinkCandidate): boolean {
  let piped = false;
  for (const c of n.children!) {
    if (c.type !== 'Text') continue;
    for (let p = c.start; p < c.end; p++) {
      const ch = src.charCodeAt(p);
      if (ch === 124) piped = true;
      else if (ch === 91 && piped) return true;
    }
  }
  return false;
}

function flattenCandidate(n: LinkCandidate): SyntaxNode[] {
  const ch = n.children!;
  const out: SyntaxNode[] = [];
  addText(out, n.start, n.start + 2);
  addItems(out, ch.slice(1, ch.length - 1));
  addText(out, n.end - 2, n.end);
  return out;
}

/** The target of a candidate (up to its first pipe in text) if it is a valid title, else null. Never recurses. */
function candidateTarget(src: string, n: LinkCandidate): { target: string; pipe: number } | null {
  const ch = n.children!;
  let pipe = -1;
  let target = '';
  for (let k = 1; k < ch.length - 1; k++) {
    const c = ch[k];
    if (c.type === 'Text') {
      const at = indexOfChar(src, 124, c.start, c.end);
      if (at >= 0) {
        target += src.slice(c.start, at);
        pipe = at;
        break;
      }
      target += src.slice(c.start, c.end);
    } else if (c.type === 'Comment') {
      continue;
    } else if (c.type === 'Template' || c.type === 'ParserFunction' || c.type === 'MagicWord' || c.type === 'Argument') {
      target += '\u0000';
    } else return null;
  }
  if (INVALID_TARGET.test(target)) return null;
  const trimmed = target.trim();
  if (!trimmed || syntaxData.bracketProtocolOnce.test(trimmed)) return null;
  return { target: trimmed, pipe };
}

function resolveLink(ctx: ParseContext, n: LinkCandidate, takeBracket = false): SyntaxNode | null {
  const src = ctx.src;
  const found = candidateTarget(src, n);
  if (!found) return null;
  const { target: trimmed, pipe } = found;
  const ch = n.children!;
  // Only file links may hold links in their text: `[[a|[[b]]]]` links b alone, `[[a|` and `]]` are text.
  // Decided before the text is parsed, so that nested candidates are resolved once (never exponentially).
  if (pipe >= 0 && !isFileTarget(trimmed)) {
    for (let k = 1; k < ch.length - 1; k++) {
      const c = ch[k];
      if (c instanceof LinkCandidate && c.start > pipe && candidateTarget(src, c)) return null;
    }
  }
  const s = n.start + 2;
  const e = n.end - 2;
  const end = takeBracket ? n.end + 1 : n.end;
  const targetEnd = pipe >= 0 ? pipe : e;
  // The candidate's own brackets and leaves are reused: nodes never change once made.
  let children: SyntaxNode[];
  let targetNode: SyntaxNode;
  if (ch.length === 3 && ch[1].type === 'Text' && !takeBracket) {
    // the usual `[[target]]` or `[[target|text]]`: one text leaf inside, no slicing needed
    targetNode = new SyntaxNode('LinkTarget', s, targetEnd, null);
    if (pipe < 0) children = [ch[0], targetNode, ch[2]];
    else {
      const text = pipe + 1 === e ? new SyntaxNode('LinkText', e, e, null)
        : firstTriggerIn(src, pipe + 1, e) < 0 ? new SyntaxNode('LinkText', pipe + 1, e, null)
          : leafOrContainer('LinkText', pipe + 1, e, ctx.inline([new SyntaxNode('Text', pipe + 1, e, null)], pipe + 1, e));
      children = [ch[0], targetNode, new SyntaxNode('Punct', pipe, pipe + 1, null), text, ch[2]];
    }
  } else {
    const slicer = new ItemSlicer(ch);
    children = [ch[0]];
    targetNode = leafOrContainer('LinkTarget', s, targetEnd, slicer.slice(s, targetEnd));
    children.push(targetNode);
    if (pipe >= 0) {
      children.push(new SyntaxNode('Punct', pipe, pipe + 1, null));
      const textItems = slicer.slice(pipe + 1, e);
      // `[[a|[b]]]`: the `]` after the candidate belongs to the text
      const textEnd = takeBracket ? e + 1 : e;
      if (takeBracket) addText(textItems, e, e + 1);
      children.push(leafOrContainer('LinkText', pipe + 1, textEnd, ctx.inline(textItems, pipe + 1, textEnd)));
      children.push(takeBracket ? new SyntaxNode('Punct', textEnd, end, null) : ch[ch.length - 1]);
    } else children.push(ch[ch.length - 1]);
  }
  const clean = trimmed.includes('\u0000') ? trimmed.replace(/\u0000/g, '') : trimmed;
  const hash = clean.indexOf('#');
  let page = hash >= 0 ? clean.slice(0, hash) : clean;
  if (page.includes('_')) page = page.replace(/_/g, ' ');
  page = page.trim();
  const fragment = hash >= 0 ? clean.slice(hash + 1) : null;
  let kind: 'page' | 'file' | 'category' | 'interwiki' = 'page';
  if (!page.startsWith(':')) {
    const colon = page.indexOf(':');
    if (colon > 0) {
      const prefix = page.slice(0, colon).trim().toLowerCase();
      if (syntaxData.fileNamespaces.has(prefix)) kind = 'file';
      else if (syntaxData.categoryNamespaces.has(prefix)) kind = 'category';
      else if (syntaxData.interwikiPrefixes.has(prefix)) kind = 'interwiki';
    }
  }
  return ctx.constructs[ctx.constructs.length] = new WikilinkNode(n.start, end, children, page, fragment, kind, targetNode);
}

/** True for a `File:`/`Image:` target (not `Media:`): only those may hold links in their caption. */
function isFileTarget(target: string): boolean {
  const colon = target.indexOf(':');
  if (colon <= 0 || target.startsWith(':')) return false;
  const prefix = target.slice(0, colon).replace(/_/g, ' ').trim().toLowerCase();
  return !syntaxData.mediaNamespaces.has(prefix) && syntaxData.fileNamespaces.has(prefix);
}
