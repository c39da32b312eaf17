/**
 * Configuration files are JSON with comments and trailing commas (JSONC), as VS Code's settings are; a syntax
 * error is reported with its line and column. Parsing uses Microsoft's `jsonc-parser` (VS Code's own).
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** Parses JSONC; throws an Error `file:line:column: message`. */
export function parseJsonc(text: string, file: string): unknown {
  const errors: ParseError[] = [];
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const value = parse(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
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
  return value;
}

function describe(code: string): string {
  // "CloseBraceExpected" -> "close brace expected"
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
