import { pairRule, noUrl } from './shared/pairedParameterRule';

/** One of CS1's pairing errors (see the rule's docs page). */
export const citeAccessDateWithoutUrl = pairRule('cite-access-date-without-url', 'err_accessdate_missing_url',
  '|access-date= without |url= (or |chapter-url=): CS1 drops the access date.', 'access-date', noUrl,
  '|access-date= requires |url=: an access date only makes sense for an online source');
