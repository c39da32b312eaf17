/**
 * Text helpers written as loops where the obvious regular expression backtracks on hostile input (an
 * unanchored `\s*$` over a long run of spaces is quadratic). Each runs in time linear in its input.
 */

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** The whitespace at the end of `s` (what `/\s*$/` matches); only spaces and tabs when `blanksOnly`. */
export function trailingSpace(s: string, blanksOnly = false): string {
  let i = s.length;
  while (i > 0) {
    const c = s.charCodeAt(i - 1);
    if (blanksOnly ? c === 32 || c === 9 : isSpace(c)) i--;
    else break;
  }
  return s.slice(i);
}

/** The whitespace at the start of `s` (what `/^\s*​/` matches). */
export function leadingSpace(s: string): string {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return s.slice(0, i);
}

/** `s` without leading and trailing runs of `ch` (a single character). */
export function trimChar(s: string, ch: string): string {
  let a = 0, b = s.length;
  while (a < b && s[a] === ch) a++;
  while (b > a && s[b - 1] === ch) b--;
  return s.slice(a, b);
}
