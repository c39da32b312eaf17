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

/** A token and where it starts (`at`). */
type Tok = { k: 'str' | 'p' | 'w'; v: string; at: number };

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
      yield { k: 'str', v: unescapeLua(src.slice(i + 1, Math.min(j, n))), at: i };
      i = j + 1;
      continue;
    }
    const level = longBracket(src, i);
    if (level >= 0) {
      const close = ']' + '='.repeat(level) + ']';
      let from = i + 2 + level;
      if (src[from] === '\n') from++; // Lua drops a newline right after the opening bracket
      const end = src.indexOf(close, from);
      yield { k: 'str', v: src.slice(from, end < 0 ? n : end), at: i };
      i = end < 0 ? n : end + close.length;
      continue;
    }
    if ('{}[]=,;()'.includes(c)) {
      // `==` is a comparison, not a field's `=`
      if (c === '=' && src[i + 1] === '=') { yield { k: 'w', v: '==', at: i }; i += 2; continue; }
      yield { k: 'p', v: c, at: i };
      i++;
      continue;
    }
    let j = i + 1;
    if (/[A-Za-z_0-9]/.test(c)) while (j < n && /[A-Za-z_0-9.]/.test(src[j])) j++;
    yield { k: 'w', v: src.slice(i, j), at: i };
    i = j;
  }
}

/** Tokens scanned at most to find a table: a module page is at most 2 MB. */
const MAX_SCAN_TOKENS = 2_000_000;

/**
 * Where `name = {` (`local name = {`) opens a table at the top level of the source: found with the tokens, so a
 * commented-out older table or the words inside a string are not taken for it. The first such place.
 */
function tableStart(src: string, name: string): number | undefined {
  let depth = 0, count = 0;
  let prev2: Tok | undefined, prev: Tok | undefined;
  for (const t of tokens(src, 0)) {
    if (++count > MAX_SCAN_TOKENS) return undefined;
    if (t.k === 'p' && t.v === '{') {
      if (depth === 0 && prev?.k === 'p' && prev.v === '=' && prev2?.k === 'w' && prev2.v === name) return t.at;
      depth++;
    } else if (t.k === 'p' && t.v === '}' && depth > 0) depth--;
    prev2 = prev;
    prev = t;
  }
  return undefined;
}

/**
 * The table constructor assigned to `name` (`local name = { ... }`) in Lua source, or undefined when there is none
 * or it cannot be read within the limits. Values that are not string literals or nested tables are `undefined`.
 */
export function readLuaTable(src: string, name: string): LuaTable | undefined {
  const start = tableStart(src, name);
  if (start === undefined) return undefined;
  const it = tokens(src, start);
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
  /** True when the module held more than is taken (MAX_NAMES local names, MAX_WORDS local words): the rest is left out. */
  truncated: boolean;
}

/** Local names and words taken from one module at most: viwiki's has ~600 names and ~50 words; far more is not data to trust. */
const MAX_NAMES = 5000;
const MAX_WORDS = 1000;
/** Keys of the module's keywords table that are no CS1 keyword themselves, and the CS1 keyword they stand for. */
const KEYWORD_KEYS: Readonly<Record<string, string>> = { affirmative: 'yes' };

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
  let names = 0, words = 0, truncated = false;
  const set = (o: Record<string, string>, k: string, v: string) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  const name = (k: string, v: string) => {
    if (Object.prototype.hasOwnProperty.call(parameters, k)) return;
    if (names >= MAX_NAMES) { truncated = true; return; }
    names++;
    set(parameters, k, v);
  };
  for (const v of aliases?.keyed.values() ?? []) {
    const list = stringsOf(v).map((s) => s.trim()).filter((s) => s && s.length <= 100);
    const plain = list.filter((s) => !s.includes('#'));
    const numbered = list.filter((s) => s.split('#').length === 2);
    const target = plain.map(known).find((x) => x !== undefined);
    if (target !== undefined) for (const s of plain) if (known(s) === undefined) name(s, target);
    const pattern = numbered.find((s) => known(s.replace('#', '1')) !== undefined);
    if (pattern === undefined) continue;
    for (const s of numbered) {
      if (known(s.replace('#', '1')) !== undefined) continue;
      name(s, pattern);
      // CS1 reads the first of an enumerated list without its number too (select_one): |họ= is last1
      const bare = s.replace('#', '').trim();
      if (bare && known(bare) === undefined) name(bare, pattern.replace('#', ''));
    }
  }
  for (const [key, v] of keywords?.keyed ?? []) {
    const list = stringsOf(v).filter((s) => s.trim() && s.length <= 100);
    for (const [param, cs1] of Object.entries(KEYWORD_PARAMS)) {
      // the keyword the module's keywords_xlate gives a word is the table's key; CS1's word for it where the key is none
      const target = cs1.includes(key) ? key : KEYWORD_KEYS[key] !== undefined && cs1.includes(KEYWORD_KEYS[key]) ? KEYWORD_KEYS[key] : list.find((w) => cs1.includes(w));
      if (target === undefined) continue;
      for (const w of list) {
        if (cs1.includes(w)) continue;
        const m = (values[param] ??= Object.create(null) as Record<string, string>);
        if (Object.prototype.hasOwnProperty.call(m, w)) continue;
        if (words >= MAX_WORDS) { truncated = true; break; }
        words++;
        set(m, w, target);
      }
    }
  }
  return { parameters, values, found: { aliases: !!aliases, keywords: !!keywords }, truncated };
}
