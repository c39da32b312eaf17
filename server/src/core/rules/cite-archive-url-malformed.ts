import type { Rule } from '../lint/types';
import { archiveUrlError, archiveUrlRepeatsOriginal } from '../cs1/urls';

const REASONS: Record<string, string> = {
  'save command': 'a Wayback "save" command URL, not an archived page',
  liveweb: 'a liveweb.archive.org URL (use web.archive.org)',
  timestamp: 'the Wayback timestamp is not 14 digits of a real date',
  path: 'an unexpected path before the Wayback timestamp',
  flag: 'a malformed Wayback flag after the timestamp',
};

/** `err_archive_url`, and `err_bad_url` when the archive URL repeats the original. */
export const citeArchiveUrlMalformed: Rule = {
  id: 'cite-archive-url-malformed',
  defaultSeverity: 'error',
  description: 'A malformed |archive-url=: Wayback save URLs, liveweb, timestamps not 14 digits, bad flags, or the original URL repeated.',
  wikipedia: 'err_archive_url',
  category: 'cs1',
  languages: 'en',
  fixable: null,
  messages: {
    malformed: '|archive-url= is malformed: {{reason}}',
    sameAsUrl: '|archive-url= is the same as |url=: give the URL of the archived copy',
  },
  check(ctx) {
    for (const c of ctx.citations) {
      const a = c.get('archive-url');
      if (!a) continue;
      const reason = archiveUrlError(a.value, ctx.today);
      const repeats = archiveUrlRepeatsOriginal(a.value, [c.value('url'), c.value('chapter-url')].filter(Boolean));
      if (!reason && !repeats) continue;
      ctx.report({
        start: a.valueStart,
        end: a.valueEnd,
        ...(reason ? { messageId: 'malformed', data: { reason: REASONS[reason] ?? reason } } : { messageId: 'sameAsUrl' }),
      });
    }
  },
};
