/**
 * The check shared by the CS1 pairing rules (each rule is its own file): a parameter that requires another.
 * `err_accessdate_missing_url`, `err_archive_missing_date`, `err_archive_missing_url`, `err_archive_date_missing_url`.
 */
import type { Rule } from '../../lint/types';
import type { Citation } from '../../citations';
import { citationUrl, paramRange } from './citeShared';

export function pairRule(id: string, wikipedia: string, description: string, present: string, missing: (c: Citation) => boolean, message: string): Rule {
  return {
    id,
    defaultSeverity: 'error',
    description,
    wikipedia,
    category: 'cs1',
    languages: 'en',
    fixable: null,
    messages: {
      missing: message, // each pairing rule's own sentence
    },
    check(ctx) {
      for (const c of ctx.citations) {
        const p = c.get(present);
        if (!p || !missing(c)) continue;
        const r = paramRange(ctx.src, p);
        ctx.report({ start: r.start, end: r.end, messageId: 'missing' });
      }
    },
  };
}

/**
 * No URL at all: neither |url= nor |chapter-url=, nor the removed |chapterurl= (cite-unknown-parameter reports that
 * one and renames it; counting it here avoids a second, misleading "requires |url=" on the same citation).
 */
export const noUrl = (c: Citation) => !citationUrl(c);

