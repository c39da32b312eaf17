/** The rule registry: every rule, in the order they run and are listed. */
import type { Rule } from '../lint/types';
import { refDuplicateName } from './refDuplicateName';
import { refUndefinedName } from './refUndefinedName';
import { refEmpty } from './refEmpty';
import { refNumericName } from './refNumericName';
import { refInvalidAttribute } from './refInvalidAttribute';
import { refUnclosed } from './refUnclosed';
import { refNested } from './refNested';
import { refGroupWithoutList } from './refGroupWithoutList';
import { refListDefinedUnused } from './refListDefinedUnused';
import { refIdenticalContent } from './refIdenticalContent';
import { citeMissingAccessDate } from './citeMissingAccessDate';
import { citeDeadLink } from './citeDeadLink';
import { citeDeadLinkArchived } from './citeDeadLinkArchived';
import { citeUrlStatusInvalid } from './citeUrlStatusInvalid';
import { citeUrlStatusWithoutArchive } from './citeUrlStatusWithoutArchive';
import { citeDeprecatedDeadUrl } from './citeDeprecatedDeadUrl';
import { citeAccessDateWithoutUrl } from './citeAccessDateWithoutUrl';
import { citeArchiveUrlWithoutDate } from './citeArchiveUrlWithoutDate';
import { citeArchiveUrlWithoutUrl } from './citeArchiveUrlWithoutUrl';
import { citeArchiveDateWithoutArchiveUrl } from './citeArchiveDateWithoutArchiveUrl';
import { citeArchiveUrlMalformed } from './citeArchiveUrlMalformed';
import { citeArchiveDateMismatch } from './citeArchiveDateMismatch';
import { citeBadDate } from './citeBadDate';
import { citeMissingTitle } from './citeMissingTitle';
import { citeMissingUrl } from './citeMissingUrl';
import { citeBadUrl } from './citeBadUrl';
import { citeGenericTitle } from './citeGenericTitle';
import { citeArchivedCopyTitle } from './citeArchivedCopyTitle';
import { citeUnknownParameter } from './citeUnknownParameter';
import { citeRedundantParameters } from './citeRedundantParameters';
import { templateDuplicateParameter } from './templateDuplicateParameter';
import { citeBadIsbn } from './citeBadIsbn';
import { citeBadIssn } from './citeBadIssn';
import { citeBadDoi } from './citeBadDoi';
import { citeInvalidParameterValue } from './cite-invalid-parameter-value';
import { citeExplicitEtAl } from './cite-explicit-et-al';
import { citeExternalLinkInParameter } from './cite-external-link-in-parameter';
import { citeMarkupInParameter } from './cite-markup-in-parameter';
import { citeInvisibleCharacter } from './cite-invisible-character';
import { templateMalformedName } from './template-malformed-name';
import { citePeriodicalInBook } from './cite-periodical-in-book';
import { citeExtraText } from './cite-extra-text';

export const rules: Rule[] = [
  refDuplicateName, refUndefinedName, refEmpty, refNumericName, refInvalidAttribute, refUnclosed, refNested,
  refGroupWithoutList, refListDefinedUnused, refIdenticalContent,
  citeMissingAccessDate, citeDeadLink, citeDeadLinkArchived, citeUrlStatusInvalid, citeUrlStatusWithoutArchive,
  citeDeprecatedDeadUrl, citeAccessDateWithoutUrl, citeArchiveUrlWithoutDate, citeArchiveUrlWithoutUrl,
  citeArchiveDateWithoutArchiveUrl, citeArchiveUrlMalformed, citeArchiveDateMismatch, citeBadDate, citeMissingTitle,
  citeMissingUrl, citeBadUrl, citeGenericTitle, citeArchivedCopyTitle, citeUnknownParameter, citeRedundantParameters,
  templateDuplicateParameter, citeBadIsbn, citeBadIssn, citeBadDoi,
  // issue 11: CS1 checks that were missing
  citeInvalidParameterValue, citeExplicitEtAl, citeExternalLinkInParameter, citeMarkupInParameter, citeInvisibleCharacter,
  templateMalformedName, citePeriodicalInBook, citeExtraText,
];

/** Ids of all rules (configuration is checked against it). */
export const ruleIds: ReadonlySet<string> = new Set(rules.map((r) => r.id));
