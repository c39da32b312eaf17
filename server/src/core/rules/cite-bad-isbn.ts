import { identifierRule } from './shared/identifierRule';
import { isbnError } from '../cs1/identifiers';

/** CS1's identifier check (see the rule's docs page). */
export const citeBadIsbn = identifierRule('cite-bad-isbn', 'err_bad_isbn', 'ISBN', ['isbn'], isbnError);
