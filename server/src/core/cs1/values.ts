// Value checks of Module:Citation/CS1 (en.wiki, late 2022; acli/wikipedia_mods a7e9a26), for the rules that mirror
// them and for fixes that must not produce a value CS1 rejects: keyword lists (is_valid_parameter_value), et al.
// patterns (name_has_etal), apostrophe markup (strip_apostrophe_markup), invisible characters
// (has_invisible_chars) and the "extra text" patterns (vol_iss_pg_patterns, the |edition= test).

import { lookupParameter } from './parameters';

/**
 * Parameters whose value CS1 checks against a keyword list (err_invalid_param_val), by canonical name, with the
 * list: `cfg.keywords_lists` in Configuration.lua. Exact, case-sensitive match (`in_array`). |url-status= is here
 * too, but the rule cite-url-status-invalid reports it.
 */
export const KEYWORD_PARAMS: Readonly<Record<string, readonly string[]>> = {
  'name-list-style': ['&', 'amp', 'ampersand', 'and', 'serial', 'vanc'],
  'url-access': ['subscription', 'limited', 'registration'],
  'chapter-url-access': ['subscription', 'limited', 'registration'],
  'map-url-access': ['subscription', 'limited', 'registration'],
  'no-tracking': ['yes', 'true', 'y'],
  'no-pp': ['yes', 'true', 'y'],
  mode: ['cs1', 'cs2'],
  df: ['dmy', 'dmy-all', 'mdy', 'mdy-all', 'ymd', 'ymd-all'],
  'url-status': ['dead', 'deviated', 'live', 'unfit', 'usurped', 'bot: unknown'],
  // identifier access levels (Identifiers.lua: cfg.keywords_lists['id-access'])
  'bibcode-access': ['free'], 'doi-access': ['free'], 'hdl-access': ['free'], 'jstor-access': ['free'],
  'ol-access': ['free'], 'osti-access': ['free'], 's2cid-access': ['free'], 'ssrn-access': ['free'],
};

/**
 * Why CS1 rejects a keyword parameter's value (err_invalid_param_val), or undefined when it accepts it (or does not
 * check it). `local`: the wiki's own words for it (a citation profile's `values`), named after CS1's in the reason.
 */
export function invalidKeyword(canonical: string, value: string, local: readonly string[] = []): string | undefined {
  if (value === '') return undefined;
  if (canonical === 'ref') return value === 'harv' ? '|ref=harv is no longer supported' : undefined; // the inverted check
  const list = KEYWORD_PARAMS[canonical];
  if (!list || list.includes(value)) return undefined;
  return `accepted values: ${list.join(', ')}${local.length ? `; this wiki's own: ${local.join(', ')}` : ''}`;
}

// cfg.et_al_patterns, translated from Lua patterns (%f[%a] = not after an ASCII letter).
const ET_AL_PATTERNS: readonly RegExp[] = [
  /[;,]? *["']*(?<![A-Za-z])[Ee][Tt]\.? *[Aa][Ll][.;,"']*$/,
  /[;,]? *["']*(?<![A-Za-z])[Ee][Tt]\.? *[Aa][Ll][Ii][AaIi][Ee]?[.;,"']*$/,
  /[;,]? *(?<![A-Za-z])and [Oo]thers/,
  /\[\[ *[Ee][Tt]\.? *[Aa][Ll]\.? *\]\]/,
  /\(\( *[Ee][Tt]\.? *[Aa][Ll]\.? *\)\)/,
  /[([] *[Ee][Tt]\.? *[Aa][Ll]\.? *[)\]]/,
];

/** The "et al." CS1 finds in a name (err_etal): where it starts, and the name without it; undefined when none. */
export function etAlIn(name: string): { index: number; length: number; rest: string } | undefined {
  if (name.length > 1000) return undefined; // not a name; keeps the patterns' scans linear on hostile text
  for (const p of ET_AL_PATTERNS) {
    const m = p.exec(name);
    if (m) return { index: m.index, length: m[0].length, rest: name.replace(p, '') };
  }
  return undefined;
}

/** Name-list parameters whose values CS1 searches for "et al." (extract_names: last and first of each list; |authors=). */
export function etAlList(canonical: string): 'author' | 'editor' | 'translator' | 'contributor' | 'interviewer' | undefined {
  const m = /^(editor-|translator-|contributor-|interviewer-)?(last|first)\d+$/.exec(canonical);
  if (m) return m[1] ? (m[1].slice(0, -1) as 'editor') : 'author';
  if (canonical === 'people') return 'author'; // |authors= (an alias of people here)
  return undefined;
}

/** strip_apostrophe_markup of Utilities.lua: the value without '' / ''' / ''''' markup, or undefined when it has none. */
export function stripApostropheMarkup(value: string): string | undefined {
  if (!value.includes("''")) return undefined;
  let v = value;
  for (;;) {
    if (v.includes("'''''")) v = v.split("'''''").join('');
    else if (v.includes("''''")) v = v.split("''''").join('');
    else if (v.includes("'''")) v = v.split("'''").join('');
    else if (v.includes("''")) v = v.split("''").join('');
    else break;
  }
  return v;
}

/** Parameters CS1 strips apostrophe markup from with err_apostrophe_markup: the periodical (work and its aliases) and publisher. */
export function markupForbidden(canonical: string): boolean {
  return canonical === 'work' || canonical === 'publisher';
}

/** One invisible character CS1 rejects (err_invisible_char). */
export interface InvisibleChar {
  /** UTF-16 index in the value. */
  index: number;
  /** The character (one or two UTF-16 units). */
  char: string;
  /** CS1's name for it ("zero width space"), and the code point (U+200B). */
  name: string;
  codePoint: string;
}

// cfg.invisible_chars, in CS1's order (the first that matches is reported). Stripmarkers are not in wikitext.
const INVISIBLE: readonly [string, RegExp][] = [
  ['replacement', /\uFFFD/],
  ['zero width joiner', /\u200D/],
  ['zero width space', /\u200B/],
  ['hair space', /\u200A/],
  ['soft hyphen', /\u00AD/],
  ['horizontal tab', /\t/],
  ['line feed', /\n/],
  ['no-break space', /\u00A0/],
  ['carriage return', /\r/],
  ['delete', /\u007F/],
  ['C0 control', /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/],
  ['C1 control', /[\u0080-\u009F]/],
];
// cfg.indic_script: a zero width joiner is allowed when the value has any of these scripts
const INDIC = /[\u0900-\u0D7F\uA8E0-\uA8FF\u0D80-\u0DFF\u1000-\u109F\uAA60-\uAA7F\uA9E0-\uA9FF]/;
// cfg.emoji lists emoji that take a zero width joiner; approximated here by the emoji blocks
const EMOJI = /^[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}]/u;

/** The first invisible character CS1 reports in a value (has_invisible_chars), or undefined. */
export function invisibleCharIn(value: string): InvisibleChar | undefined {
  if (/^[\x20-\x7e]*$/.test(value)) return undefined; // plain ASCII text: CS1 skips the tests
  for (const [name, re] of INVISIBLE) {
    const m = re.exec(value);
    if (!m) continue;
    if (name === 'zero width joiner' && (INDIC.test(value) || EMOJI.test(value.slice(m.index + 1)))) continue;
    const cp = m[0].codePointAt(0)!;
    return { index: m.index, char: m[0], name, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` };
  }
  return undefined;
}

/**
 * The "extra text" CS1 finds in |page=/|pages= (err_extra_text_pages), |volume= (err_extra_text_volume),
 * |issue= (err_extra_text_issue) and |edition= (err_extra_text_edition): the offending prefix or suffix, or undefined.
 */
export function extraText(canonical: string, value: string): { start: number; end: number } | undefined {
  if (value === '') return undefined;
  let m: RegExpExecArray | null = null;
  if (canonical === 'page' || canonical === 'pages') {
    if (/^P[^.PpGg]/.test(value)) return undefined; // "P7": page 7 of section P
    m = /^[Pp][PpGg]?\.?(?=[ \d])/.exec(value) ?? /^[Pp][Pp]?\.(?=&nbsp;)/.exec(value) ?? /^[Pp]ages?/.exec(value) ?? /^[Pp]gs.?/.exec(value);
  } else if (canonical === 'volume') {
    const v = value.toLowerCase();
    m = /^volumes?/.exec(v) ?? /^vols?[.:=]?/.exec(v);
  } else if (canonical === 'issue') {
    const v = value.toLowerCase();
    m = /^issues?/.exec(v) ?? /^iss[.:=]?/.exec(v) ?? /^numbers?/.exec(v) ?? /^nos?(?=[^a-z])/.exec(v) ?? /^nr[.:=]?/.exec(v) ?? /^n[.:= ]/.exec(v);
  } else if (canonical === 'edition') {
    m = /(?<![A-Za-z])[Ee]dn?\.?$/.exec(value) ?? /(?<![A-Za-z])[Ee]dition$/.exec(value);
  }
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

/** Parameters CS1 does not search for external links (cfg.url_skip: the URL parameters and in-source locators). */
const URL_SKIP = new Set(['url', 'archive-url', 'chapter-url', 'conference-url', 'id', 'lay-url', 'map-url', 'transcript-url', 'page', 'pages', 'at', 'quote-page', 'quote-pages']);
export function externalLinkAllowed(canonical: string): boolean {
  return URL_SKIP.has(canonical);
}

/** The canonical name of a parameter as written, or undefined when CS1 does not know it. */
export function canonicalName(name: string): string | undefined {
  const l = lookupParameter(name);
  return l.known ? l.canonical : undefined;
}
