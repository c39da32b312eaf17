/** The loop the CS1 value rules share: each named parameter CS1 knows, with a value, of every citation. */
import type { Citation, CitationParam } from '../../citations';
import type { RuleContext } from '../../lint/types';
import type { KnownParameter } from '../../cs1/parameters';

/** A parameter CS1 knows: its lookup has the canonical name and the definition. */
export type KnownCitationParam = CitationParam & { lookup: KnownParameter };

/**
 * Calls `fn` for each named parameter of every citation of the page that CS1 knows (unknown ones are
 * cite-unknown-parameter's) and that has a value, in page order. A rule says only what it checks in one.
 */
export function forEachKnownParam(ctx: RuleContext, fn: (p: KnownCitationParam, c: Citation) => void): void {
  for (const c of ctx.citations) {
    for (const p of c.params) if (p.lookup.known && p.value !== '') fn(p as KnownCitationParam, c);
  }
}

/**
 * True when the value as written calls a template or holds a comment: what CS1 sees is computed when the page
 * renders, so the value rules leave it alone. Scans the source without copying the value.
 */
export function isComputed(src: string, p: CitationParam): boolean {
  // within the value only (an indexOf could run on to the end of the page for every parameter)
  for (let i = p.valueStart, end = p.valueEnd - 1; i < end; i++) {
    const ch = src.charCodeAt(i);
    if (ch === 123 /* { */ && src.charCodeAt(i + 1) === 123) return true;
    if (ch === 60 /* < */ && i + 3 < p.valueEnd && src.startsWith('<!--', i)) return true;
  }
  return false;
}
