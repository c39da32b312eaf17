/**
 * Shortened footnotes: the ref that `{{sfn}}`, `{{sfnp}}`, `{{sfnm}}` and `{{sfnmp}}` make, named and worded as
 * English Wikipedia's Module:Footnotes makes it. Pure: arguments in, `{ name, content }` out.
 *
 * Source: en.wikipedia.org Module:Footnotes, functions `is_year`, `core`, `args_fetch`, `strip_url`, `sfn`, `sfnm`, in
 * the revision that added `strip_url` and `sfnm` (the 2020 rewrite by Trappist the monk), as copied to zh.wikipedia
 * 模块:Footnotes (public mirror MASangys/wikipedia.zh, `Page/模块:Footnotes.md` at commit 5ab186a6). The separators
 * of the text (`, p.&nbsp;`) follow today's enwiki output; they never change a name. What the name is made of:
 *
 * - `{{sfn}}`/`{{sfnp}}`: `'FOOTNOTE'` .. P1 .. P2 .. P3 .. P4 .. P5 .. page .. pages .. location, each whitespace
 *   run made one space. P1–P5 are the positional arguments, trimmed (MediaWiki passes positional arguments untrimmed;
 *   the module trims them); a fifth positional that is not a year is dropped from the name (`core` blanks it first).
 *   page is `|p=` else `|page=`, pages `|pp=` else `|pages=`, location `|loc=` (a named argument that is present wins
 *   even when empty, as Lua's `a or b` does); an external link's URL in them loses its URI-reserved characters
 *   (`strip_url`). `|ps=`/`|postscript=` and `|ref=`/`|Ref=` are not part of the name, only of the text: two calls
 *   that differ only there make one name with two different texts, which Cite reports as a duplicate definition.
 *   `{{sfnp}}` makes the same name as `{{sfn}}` (only the year's brackets differ, in the text).
 * - `{{sfnm}}`/`{{sfnmp}}`: `'FOOTNOTE'` followed, for each source n, by its non-empty author names and year
 *   (`|na1=`…`|na5=` and `|ny=`, or a positional pair author, year) and its non-empty `|np=`, `|npp=`, `|nloc=`.
 *
 * The text is `core`'s output (author-date, the link to the CITEREF anchor or `|ref=`, the in-source location and the
 * postscript); it serves to tell two calls with one name apart, as Cite compares the two texts.
 */

/** One argument as MediaWiki passes it to the module (named ones trimmed, positional ones as written), or undefined. */
export type FootnoteArgs = (name: string) => string | undefined;

export interface MadeFootnote {
  /** The ref name, before Cite's own normalisation (the caller trims and collapses it as for any name). */
  name: string;
  /** The ref's text as the module renders it (wikitext). */
  content: string;
}

/** What a template's `{{#invoke:Footnotes|...}}` sets: `{{sfnp}}` and `{{sfnmp}}` bracket the year. */
export interface FootnoteStyle {
  bracketYear: boolean;
}

interface CoreArgs {
  P1: string; P2: string; P3: string; P4: string; P5: string;
  page: string; pages: string; location: string; ref: string; postscript: string;
  bracketYearLeft: string; bracketYearRight: string;
}

const PAGE_SEP = ', p.&nbsp;';
const PAGES_SEP = ', pp.&nbsp;';

/** `is_year`: YYYY, YYY, n.d., nd, c. YYYY, YYYY–YYYY, YYYY–YY, each with an optional lower-case letter after it. */
const IS_YEAR = /^(?:\p{Nd}{3,4}|n\.d\.|nd|c\. \p{Nd}{3,4}|\p{Nd}{4}–\p{Nd}{4}|\p{Nd}{4}–\p{Nd}{2})\p{Ll}?$/u;

export function isFootnoteYear(s: string): boolean {
  return s.length <= 40 && IS_YEAR.test(s);
}

const isLuaSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** `mw.text.trim`: the ASCII whitespace Lua's `%s` knows (a loop: an unanchored `\s+$` is quadratic on long runs). */
function luaTrim(s: string): string {
  let i = 0, j = s.length;
  while (i < j && isLuaSpace(s.charCodeAt(i))) i++;
  while (j > i && isLuaSpace(s.charCodeAt(j - 1))) j--;
  return i === 0 && j === s.length ? s : s.slice(i, j);
}

/** `gsub('%s+', ' ')` */
function squeeze(s: string): string {
  return s.replace(/[\t\n\v\f\r ]+/g, ' ');
}

/** `mw.uri.anchorEncode`, as far as telling two anchors apart needs: spaces become underscores. */
function anchorEncode(s: string): string {
  return s.replace(/[ _]+/g, '_');
}

/** `core`: the author-date text of one source. Blanks P5 when it is not a year, as the module does. */
function core(a: CoreArgs): string {
  const y = (year: string) => a.bracketYearLeft + year + a.bracketYearRight;
  let result: string;
  if (a.P5 !== '') {
    if (isFootnoteYear(a.P5)) result = `${a.P1} et al. ${y(a.P5)}`;
    else {
      a.P5 = '';
      result = `${a.P1} et al.`;
    }
  } else if (a.P4 !== '') {
    result = isFootnoteYear(a.P4) ? `${a.P1}, ${a.P2} & ${a.P3} ${y(a.P4)}` : `${a.P1} et al.`;
  } else if (a.P3 !== '') {
    result = isFootnoteYear(a.P3) ? `${a.P1} & ${a.P2} ${y(a.P3)}` : `${a.P1}, ${a.P2}  & ${a.P3}`;
  } else if (a.P2 !== '') {
    result = isFootnoteYear(a.P2) ? `${a.P1} ${y(a.P2)}` : `${a.P1} & ${a.P2}`;
  } else {
    result = a.P1;
  }
  // a trailing dot (n.d.) gives way to a postscript that is a dot, when no in-source location follows
  if (result.endsWith('.') && a.postscript === '.' && a.page === '' && a.pages === '' && a.location === '') result = result.slice(0, -1);
  if (a.ref !== 'none') {
    const anchor = a.ref !== '' ? anchorEncode(a.ref) : anchorEncode(`CITEREF${a.P1}${a.P2}${a.P3}${a.P4}${a.P5}`);
    result = `[[#${anchor}|${result}]]`;
  }
  if (a.page !== '') result += PAGE_SEP + a.page;
  else if (a.pages !== '') result += PAGES_SEP + a.pages;
  if (a.location !== '') result += `, ${a.location}`;
  return squeeze(result + a.postscript);
}

/**
 * `strip_url`: in an in-source location, the URL of each external link `[scheme://...` loses the URI-reserved
 * characters `!#$&'()*+,/:;=?@[]`, `.` and `%` (a reference tooltip gadget could not show a name holding `#`).
 */
export function stripUrl(pages: string): string {
  if (!pages.includes('://')) return pages;
  let out = pages;
  let n = 0;
  for (const m of pages.matchAll(/\[([A-Za-z][A-Za-z0-9+.-]*:\/\/[^\t\n\v\f\r ]+)/g)) {
    // each replacement scans the whole value: a hostile value with thousands of links stops here (no page has 100)
    if (++n > 100) break;
    const uri = m[1];
    const stripped = uri.replace(/[!#$&'()*+,/:;=?@[\].%]/g, '');
    out = out.replace(uri, () => stripped);
  }
  return out;
}

/** A named argument as `pframe.args.a or pframe.args.b or ''` reads it: the first one present. */
function first(args: FootnoteArgs, ...names: string[]): string {
  for (const n of names) {
    const v = args(n);
    if (v !== undefined) return v;
  }
  return '';
}

function styleArgs(style: FootnoteStyle): Pick<CoreArgs, 'bracketYearLeft' | 'bracketYearRight'> {
  return style.bracketYear ? { bracketYearLeft: '(', bracketYearRight: ')' } : { bracketYearLeft: '', bracketYearRight: '' };
}

/** The ref `{{sfn}}` (or `{{sfnp}}`, with `bracketYear`) makes from its arguments (`sfn` and `args_fetch`). */
export function sfnFootnote(args: FootnoteArgs, style: FootnoteStyle = { bracketYear: false }): MadeFootnote {
  let postscript = args('postscript') ?? args('ps') ?? '.';
  if (postscript === 'none') postscript = '';
  const a: CoreArgs = {
    P1: '', P2: '', P3: '', P4: '', P5: '',
    page: first(args, 'p', 'page'),
    pages: first(args, 'pp', 'pages'),
    location: first(args, 'loc'),
    ref: first(args, 'ref', 'Ref'),
    postscript,
    ...styleArgs(style),
  };
  const positional = (i: number) => {
    const v = args(String(i));
    return v !== undefined ? luaTrim(v) : '';
  };
  a.P1 = positional(1);
  a.P2 = positional(2);
  a.P3 = positional(3);
  a.P4 = positional(4);
  a.P5 = positional(5);
  const content = core(a);
  const name = squeeze(`FOOTNOTE${a.P1}${a.P2}${a.P3}${a.P4}${a.P5}${stripUrl(a.page)}${stripUrl(a.pages)}${stripUrl(a.location)}`);
  return { name, content };
}

/** Sources read by `{{sfnm}}` at most: each needs an argument of its own, so a page cannot make this loop long anyway. */
const SFNM_MAX_SOURCES = 1000;

/** The ref `{{sfnm}}` (or `{{sfnmp}}`, with `bracketYear`) makes from its arguments (`sfnm`). */
export function sfnmFootnote(args: FootnoteArgs, style: FootnoteStyle = { bracketYear: false }): MadeFootnote {
  const a: CoreArgs = {
    P1: '', P2: '', P3: '', P4: '', P5: '', page: '', pages: '', location: '', ref: '', postscript: '', ...styleArgs(style),
  };
  const P = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
  let firstPnum = 1, secondPnum = 2, lastPs = 0, lastIndex = 0;
  const out: string[] = [];
  const footnote: string[] = ['FOOTNOTE'];
  for (let n = 1; n <= SFNM_MAX_SOURCES; n++) {
    const a1 = args(`${n}a1`);
    if (a1 === undefined && args(String(firstPnum)) === undefined) break;
    if (a1 !== undefined) {
      for (const v of P) a[v] = '';
      for (let i = 1; i <= 5; i++) {
        const v = P[i - 1];
        a[v] = args(`${n}a${i}`) ?? '';
        if (a[v] === '') {
          a[v] = args(`${n}y`) ?? '';
          break;
        }
      }
    } else {
      a.P1 = luaTrim(args(String(firstPnum)) ?? '');
      const second = args(String(secondPnum));
      a.P2 = second !== undefined ? luaTrim(second) : '';
      a.P3 = a.P4 = a.P5 = '';
      firstPnum += 2;
      secondPnum = firstPnum + 1;
    }
    a.postscript = args(`${n}ps`) ?? '';
    if (a.postscript === 'none') a.postscript = '';
    a.ref = args(`${n}ref`) ?? '';
    a.page = args(`${n}p`) ?? '';
    a.pages = args(`${n}pp`) ?? '';
    a.location = args(`${n}loc`) ?? '';
    out.push(core(a));
    for (const v of P) if (a[v] !== '') footnote.push(a[v]);
    for (const v of [a.page, a.pages, a.location]) if (v !== '') footnote.push(stripUrl(v));
    lastIndex = n;
    if (a.postscript !== '') lastPs = n;
  }
  const name = squeeze(footnote.join(''));
  let endPs = args('postscript') ?? args('ps') ?? '.';
  if (endPs === 'none') endPs = '';
  return { name, content: out.join('; ') + (lastIndex === lastPs ? '' : endPs) };
}
