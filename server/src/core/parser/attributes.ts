import { AttributeNode, SyntaxNode } from './nodes';

/** Tag attributes of `[start, end)`: the nodes that tile the range and the attributes among them. */
export interface ParsedAttributes {
  children: SyntaxNode[];
  attributes: AttributeNode[];
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

/**
 * Parses tag attributes as MediaWiki's Sanitizer does: `name="v"`, `name='v'`, `name=v` and bare `name`;
 * values are trimmed with inner whitespace collapsed. Anything else stays text, so the range is always tiled.
 */
export function parseAttributes(src: string, start: number, end: number): ParsedAttributes {
  const children: SyntaxNode[] = [];
  const attributes: AttributeNode[] = [];
  let i = start;
  let textStart = start;
  const flushText = (to: number) => {
    if (textStart < to) children.push(new SyntaxNode('Text', textStart, to, null));
  };
  while (i < end) {
    const c = src.charCodeAt(i);
    if (isSpace(c) || c === 47 /* / */) {
      i++;
      continue;
    }
    // attribute name: up to whitespace, '=', '/', '>'
    const nameStart = i;
    while (i < end) {
      const d = src.charCodeAt(i);
      if (isSpace(d) || d === 61 || d === 62 || (d === 47 && i > nameStart)) break;
      i++;
    }
    if (i === nameStart) {
      i++;
      continue;
    }
    const nameEnd = i;
    let j = i;
    while (j < end && isSpace(src.charCodeAt(j))) j++;
    let valueStart = -1, valueEnd = -1, value = '';
    if (j < end && src.charCodeAt(j) === 61) {
      let k = j + 1;
      while (k < end && isSpace(src.charCodeAt(k))) k++;
      const q = src.charCodeAt(k);
      if (q === 34 || q === 39) {
        let close = k + 1;
        while (close < end && src.charCodeAt(close) !== q) close++;
        if (close < end) {
          valueStart = k;
          valueEnd = close + 1;
          value = src.slice(k + 1, close);
        } else {
          // Unbalanced quote: MediaWiki takes the rest as the value.
          valueStart = k;
          valueEnd = end;
          value = src.slice(k + 1, end);
        }
      } else if (k < end) {
        let e = k;
        while (e < end && !isSpace(src.charCodeAt(e))) e++;
        valueStart = k;
        valueEnd = e;
        value = src.slice(k, e);
      } else {
        valueStart = valueEnd = k;
      }
    }
    flushText(nameStart);
    const nameNode = new SyntaxNode('AttributeName', nameStart, nameEnd, null);
    const attrChildren: SyntaxNode[] = [nameNode];
    let attrEnd = nameEnd;
    let valueNode: SyntaxNode | null = null;
    if (valueStart >= 0) {
      attrChildren.push(new SyntaxNode('Punct', nameEnd, valueStart, null));
      if (valueEnd > valueStart) {
        valueNode = new SyntaxNode('AttributeValue', valueStart, valueEnd, null);
        attrChildren.push(valueNode);
      }
      attrEnd = valueEnd;
    }
    const name = src.slice(nameStart, nameEnd).toLowerCase();
    const attr = new AttributeNode(nameStart, attrEnd, attrChildren, name, value.replace(/\s+/g, ' ').trim(), nameNode, valueNode);
    children.push(attr);
    attributes.push(attr);
    i = attrEnd;
    textStart = i;
  }
  flushText(end);
  return { children, attributes };
}
