/**
 * Configuration files are JSON with comments and trailing commas (JSONC), as VS Code's settings are; a syntax
 * error is reported with its line and column. Parsing uses Microsoft's `jsonc-parser` (VS Code's own).
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** Parses JSONC; throws an Error `file:line:column: message`. */
export function parseJsonc(text: string, file: string): unknown {
  const errors: ParseError[] = [];
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (errors.length) {
    const e = errors[0];
    let line = 1, col = 1;
    for (let i = 0; i < e.offset && i < text.length; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        col = 1;
      } else col++;
    }
    throw new Error(`${file}:${line}:${col}: invalid JSON: ${describe(printParseErrorCode(e.error))}`);
  }
  return tree ? toValue(tree) : undefined;
}

/** The value of a parse tree; object keys become own properties even when named `__proto__`. */
function toValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const obj: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v) continue;
        Object.defineProperty(obj, String(k.value), { value: toValue(v), enumerable: true, writable: true, configurable: true });
      }
      return obj;
    }
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}

function describe(code: string): string {
  // "CloseBraceExpected" -> "close brace expected"
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
