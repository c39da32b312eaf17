/** Character classes shared by the inline scan and link resolution. */
import { syntaxData } from './syntaxData';

export const NL = 10;

/** Characters that may start an inline construct (or end a URL's scheme, for ':'). */
export const INLINE_TRIGGER = new Uint8Array(128);
for (const c of "['<&~_:IPR") INLINE_TRIGGER[c.charCodeAt(0)] = 1;

/** Offset of the first character in `[start, end)` that may start an inline construct, or -1. */
export function firstTriggerIn(src: string, start: number, end: number): number {
  const trigger = INLINE_TRIGGER;
  for (let p = start; p < end; p++) {
    const c = src.charCodeAt(p);
    if (c < 128 && trigger[c] !== 0) return p;
  }
  return -1;
}


/**
 * True when `[start, end)`, taken as one text leaf of a container that does not start a line, has no block
 * or inline structure: no newline and no character that may start an inline construct. Such a container
 * is a leaf, and nothing needs to be built to find that out.
 */
export function isPlainText(src: string, start: number, end: number): boolean {
  if (start === 0 || src.charCodeAt(start - 1) === NL) return false;
  const trigger = INLINE_TRIGGER;
  for (let p = start; p < end; p++) {
    const c = src.charCodeAt(p);
    if (c < 128 && (trigger[c] !== 0 || c === NL)) return false;
  }
  return true;
}

export function isWordBoundary(src: string, p: number): boolean {
  if (p === 0) return true;
  const c = src.charCodeAt(p - 1);
  return !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127 && /[\p{L}\p{N}]/u.test(src[p - 1]));
}

/** Any URL protocol of the wiki at the sticky position (the tables of the parse under way). */
export function bracketProtocol(): RegExp {
  return syntaxData.bracketProtocolRe;
}

/** True for characters that end a URL (MediaWiki's EXT_LINK_URL_CLASS complement). */
export function endsUrl(c: number): boolean {
  return c <= 32 || c === 91 || c === 93 || c === 60 || c === 62 || c === 34 || c === 0x7f || c === 0xa0 || c === 0x3000 || c === 0xfffd;
}

/** A target that starts with a URL protocol (`http://`, `mailto:`, `//`) is an external link, not a page. */
