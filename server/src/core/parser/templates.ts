/**
 * Templates, parser functions and template arguments built from the parts the preprocessor collected
 * between `{{`/`{{{` and the matching closers, with parameters named and numbered as MediaWiki does.
 */
import { ArgumentNode, ParameterNode, ParserFunctionNode, SyntaxNode, TemplateNode } from './nodes';
import { addNode, addText, indexOfChar, ItemSlicer, itemsText } from './items';
import { syntaxData } from './syntaxData';
import { leafOrContainer, type ParseContext } from './context';

/** One part of a `{{ }}` or `[[ ]]` (or the text of a heading): the title, or what follows a `|`. */
export class Part {
  items: SyntaxNode[] = [];
  /** Index in `items` of the `=` separator, or -1. */
  eq = -1;
  /** `pipe`: offset of the `|` that opened this part, or -1 for the title part. */
  constructor(public pipe: number) {}
}

/** An opener on the preprocessor's stack with the parts collected since. */
export class Piece {
  parts: Part[];
  /** `open`: `{`, `[` or a newline for a heading. */
  constructor(public open: number, public startPos: number, public count: number, first: Part) {
    this.parts = [first];
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

export function buildTemplate(ctx: ParseContext, parts: Part[], start: number, closeAt: number): SyntaxNode {
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

export function buildArgument(ctx: ParseContext, parts: Part[], start: number, closeAt: number): SyntaxNode {
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
export function addItemsFlat(out: SyntaxNode[], part: Part): void {
  for (let k = 0; k < part.items.length; k++) {
    const n = part.items[k];
    if (k === part.eq) addText(out, n.start, n.end);
    else addNode(out, n);
  }
}

