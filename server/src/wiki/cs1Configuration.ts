/**
 * What a wiki's own Module:Citation/CS1/Configuration says about local names, read as data: its `aliases` table
 * (each CS1 meta-parameter with the names the module accepts for it, local ones included: viwiki's
 * `['AccessDate'] = {'access-date', 'accessdate', 'ngày truy cập', 'ngày truy nhập'}`) and its `keywords` table (the
 * values the module accepts for keyword parameters, local words added "for I18N": `['dead'] = {'dead', 'hư', ...}`).
 *
 * The module's text is Lua. Nothing of it runs: `readLuaTable` reads one table constructor of string literals and
 * nested tables (what these two tables are made of) and skips any other expression. Pure: no I/O; the builder
 * (citationProfileBuilder.ts) fetches the page.
 */
import { lookupParameter } from '../core/cs1/parameters';
import { KEYWORD_PARAMS } from '../core/cs1/values';

/** A Lua table as read: keyed fields (string keys) and positional items; `undefined` for a value that is not data. */
export interface LuaTable {
  keyed: Map<string, LuaValue>;
  items: LuaValue[];
}
export type LuaValue = string | LuaTable | undefined;

/** Tokens read at most for one table: the Configuration module has ~30,000; a larger one is not this module. */
const MAX_TOKENS = 500_000;
const MAX_DEPTH = 20;

type Tok = { k: 'str'; v: string } | { k: 'p'; v: string } | { k: 'w'; v: string };

/** The bytes of a Lua string body with its escapes (`\n`, `\'`, `\194\160`...) decoded as UTF-8. */
function unescapeLua(body: string): string {
  if (!body.includes('\\')) return body;
  const bytes: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\' || i + 1 >= body.length) {
      const cp = body.codePointAt(i)!;
      const s = String.fromCodePoint(cp);
      if (s.length === 2) i++;
      for (const b of enc.encode(s)) bytes.push(b);
      continue;
    }
    const n = body[++i];
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '\\': 92, '"': 34, "'": 39, '\n': 10 };
    if (n in simple) bytes.push(simple[n]);
    else if (/[0-9]/.test(n)) {
      let d = n;
      while (d.length < 3 && /[0-9]/.test(body[i + 1] ?? '')) d += body[++i];
      bytes.push(Number(d) & 0xff);
    } else for (const b of enc.encode(n)) bytes.push(b);
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** A long bracket's level at `i` (`[[` → 0, `[==[` → 2), or -1 when there is none. */
function longBracket(src: string, i: number): number {
  if (src[i] !== '[') return -1;
  let j = i + 1, level = 0;
  while (src[j] === '=') { j++; level++; }
  return src[j] === '[' ? level : -1;
}

/** Tokens of Lua source from `start` until the table constructor opened there is closed (or a limit). */
function* tokens(src: string, start: number): Generator<Tok> {
  let i = start;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') { i++; continue; }
    if (c === '-' && src[i + 1] === '-') {
      const level = longBracket(src, i + 2);
      if (level >= 0) {
        const close = ']' + '='.repeat(level) + ']';
        const end = src.indexOf(close, i + 4 + level);
        i = end < 0 ? n : end + close.length;
      } else {
        const end = src.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      }
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      yield { k: 'str', v: unescapeLua(src.slice(i + 1, Math.min(j, n))) };
      i = j + 1;
      continue;
    }
    const level = longBracket(src, i);
    if (level >= 0) {
      const close = ']' + '='.repeat(level) + ']';
      let from = i + 2 + level;
      if (src[from] === '\n') from++; // Lua drops a newline right after the opening bracket
      const end = src.indexOf(close, from);
      yield { k: 'str', v: src.slice(from, end < 0 ? n : end) };
      i = end < 0 ? n : end + close.length;
      continue;
    }
    if ('{}[]=,;()'.includes(c)) {
      // `==` is a comparison, not a field's `=`
      if (c === '=' && src[i + 1] === '=') { yield { k: 'w', v: '==' }; i += 2; continue; }
      yield { k: 'p', v: c };
      i++;
      continue;
    }
    let j = i + 1;
    if (/[A-Za-z_0-9]/.test(c)) while (j < n && /[A-Za-z_0-9.]/.test(src[j])) j++;
    yield { k: 'w', v: src.slice(i, j) };
    i = j;
  }
}

/**
 * The table constructor assigned to `name` (`local name = { ... }`) in Lua source, or undefined when there is none
 * or it cannot be read within the limits. Values that are not string literals or nested tables are `undefined`.
 */
export function readLuaTable(src: string, name: string): LuaTable | undefined {
  const m = new RegExp(`(?:^|[\\s;])(?:local\\s+)?${name.replace(/[^A-Za-z0-9_]/g, '')}\\s*=\\s*\\{`, 'm').exec(src);
  if (!m) return undefined;
  const it = tokens(src, m.index + m[0].length - 1);
  let count = 0;
  let peeked: Tok | undefined;
  const next = (): Tok | undefined => {
    if (peeked) { const t = peeked; peeked = undefined; return t; }
    if (++count > MAX_TOKENS) throw new RangeError('too long');
    const r = it.next();
    return r.done ? undefined : r.value;
  };
  const peek = (): Tok | undefined => (peeked ??= next());
  const isP = (t: Tok | undefined, v: string) => !!t && t.k === 'p' && t.v === v;

  /** Skips one expression that is not data, up to the `,` `;` or `}` that ends the field (not consumed). */
  const skipExpression = (): void => {
    let depth = 0;
    for (let t = peek(); t; t = peek()) {
      if (depth === 0 && (isP(t, ',') || isP(t, ';') || isP(t, '}'))) return;
      next();
      if (t.k === 'p' && (t.v === '(' || t.v === '{' || t.v === '[')) depth++;
      else if (t.k === 'p' && (t.v === ')' || t.v === '}' || t.v === ']') && depth > 0) depth--; // an unbalanced ) or ] is skipped
    }
  };
  const value = (depth: number): LuaValue => {
    const t = peek();
    if (isP(t, '{')) {
      next();
      const v = table(depth + 1);
      // a table followed by more (an operator, a call) is not data
      const after = peek();
      if (after && !isP(after, ',') && !isP(after, ';') && !isP(after, '}')) { skipExpression(); return undefined; }
      return v;
    }
    if (t?.k === 'str') {
      next();
      const after = peek();
      if (after && !isP(after, ',') && !isP(after, ';') && !isP(after, '}')) { skipExpression(); return undefined; }
      return t.v;
    }
    skipExpression();
    return undefined;
  };
  const table = (depth: number): LuaTable | undefined => {
    if (depth > MAX_DEPTH) throw new RangeError('too deep');
    const out: LuaTable = { keyed: new Map(), items: [] };
    for (;;) {
      const t = peek();
      if (!t) return out; // unterminated: what was read
      if (isP(t, '}')) { next(); return out; }
      if (isP(t, ',') || isP(t, ';')) { next(); continue; }
      if (isP(t, '[')) {
        next();
        const key = peek();
        let k: string | undefined;
        if (key?.k === 'str') { next(); k = key.v; } else skipExpression();
        if (isP(peek(), ']')) next();
        if (isP(peek(), '=')) next();
        const v = value(depth);
        if (k !== undefined) out.keyed.set(k, v);
        continue;
      }
      if (t.k === 'w' && /^[A-Za-z_][A-Za-z_0-9]*$/.test(t.v)) {
        next();
        if (isP(peek(), '=')) {
          next();
          out.keyed.set(t.v, value(depth));
        } else {
          // an expression beginning with a name (keywords.dead, a call): not data
          skipExpression();
          out.items.push(undefined);
        }
        continue;
      }
      out.items.push(value(depth));
    }
  };
  try {
    next(); // the opening brace
    return table(1);
  } catch {
    return undefined;
  }
}

/** The strings of a value: one string, or the string items of a list. */
function stringsOf(v: LuaValue): string[] {
  if (typeof v === 'string') return [v];
  if (!v) return [];
  return v.items.filter((x): x is string => typeof x === 'string');
}

export interface ConfigurationFacts {
  /** Local parameter name → CS1 name; an enumerated one keeps its `#` (`họ#` → `last#`). */
  parameters: Record<string, string>;
  /** CS1 keyword parameter → local word → CS1 keyword. */
  values: Record<string, Record<string, string>>;
  /** Which tables were found. */
  found: { aliases: boolean; keywords: boolean };
}

const known = (name: string): string | undefined => {
  const l = lookupParameter(name);
  return l.known ? l.canonical : undefined;
};

/**
 * The local names and keywords of a Configuration module's text. A local name maps to the first name of its list
 * that CS1 knows (its canonical name); an enumerated one (`họ#`) to the first enumerated name CS1 knows (`last#`).
 * A local keyword maps, for each keyword parameter whose CS1 list holds a word of its list, to the first such word
 * (the module's keywords_xlate). English Wikipedia's own module gives nothing: every name and word in it is CS1's.
 */
export function configurationFacts(src: string): ConfigurationFacts {
  const parameters: Record<string, string> = Object.create(null);
  const values: Record<string, Record<string, string>> = Object.create(null);
  const aliases = readLuaTable(src, 'aliases');
  const keywords = readLuaTable(src, 'keywords');
  const set = (o: Record<string, string>, k: string, v: string) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const v of aliases?.keyed.values() ?? []) {
    const names = stringsOf(v).map((s) => s.trim()).filter((s) => s && s.length <= 100);
    const plain = names.filter((s) => !s.includes('#'));
    const numbered = names.filter((s) => s.split('#').length === 2);
    const target = plain.map(known).find((x) => x !== undefined);
    if (target !== undefined) for (const s of plain) if (known(s) === undefined) set(parameters, s, target);
    const pattern = numbered.find((s) => known(s.replace('#', '1')) !== undefined);
    if (pattern !== undefined) for (const s of numbered) if (known(s.replace('#', '1')) === undefined) set(parameters, s, pattern);
  }
  for (const v of keywords?.keyed.values() ?? []) {
    const words = stringsOf(v).filter((s) => s.trim() && s.length <= 100);
    for (const [param, list] of Object.entries(KEYWORD_PARAMS)) {
      const target = words.find((w) => list.includes(w));
      if (target === undefined) continue;
      for (const w of words) {
        if (list.includes(w)) continue;
        const m = (values[param] ??= Object.create(null) as Record<string, string>);
        set(m, w, target);
      }
    }
  }
  return { parameters, values, found: { aliases: !!aliases, keywords: !!keywords } };
}
