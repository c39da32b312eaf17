import { identifierRule } from './shared/identifierRule';
import { doiError } from '../cs1/identifiers';

/** CS1's identifier check (see the rule's docs page). */
export const citeBadDoi = identifierRule('cite-bad-doi', 'err_bad_doi', 'DOI', ['doi'], doiError);
