import { identifierRule } from './shared/identifierRule';
import { issnError } from '../cs1/identifiers';

/** CS1's identifier check (see the rule's docs page). */
export const citeBadIssn = identifierRule('cite-bad-issn', 'err_bad_issn', 'ISSN or EISSN', ['issn', 'eissn'], issnError);
