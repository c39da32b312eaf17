import { pairRule } from './shared/pairedParameterRule';

/** One of CS1's pairing errors (see the rule's docs page). */
export const citeArchiveDateWithoutArchiveUrl = pairRule('cite-archive-date-without-archive-url', 'err_archive_date_missing_url',
  '|archive-date= without |archive-url=.', 'archive-date', (c) => !c.get('archive-url'),
  '|archive-date= requires |archive-url=');
