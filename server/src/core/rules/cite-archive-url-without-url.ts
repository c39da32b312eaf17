import { pairRule, noUrl } from './shared/pairedParameterRule';

/** One of CS1's pairing errors (see the rule's docs page). */
export const citeArchiveUrlWithoutUrl = pairRule('cite-archive-url-without-url', 'err_archive_missing_url',
  '|archive-url= without |url= (or |chapter-url=).', 'archive-url', noUrl,
  '|archive-url= requires |url=: give the original URL too');
