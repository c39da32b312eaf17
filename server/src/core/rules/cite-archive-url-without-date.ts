import { pairRule } from './shared/pairedParameterRule';

/** One of CS1's pairing errors (see the rule's docs page). */
export const citeArchiveUrlWithoutDate = pairRule('cite-archive-url-without-date', 'err_archive_missing_date',
  '|archive-url= without |archive-date=.', 'archive-url', (c) => !c.get('archive-date'),
  '|archive-url= requires |archive-date=');
