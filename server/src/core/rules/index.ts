/** The rule registry: every rule, in the order they run and are listed. */
import type { Rule } from '../lint/types';
import { refDuplicateName } from './ref-duplicate-name';
import { refUndefinedName } from './ref-undefined-name';
import { refEmpty } from './ref-empty';
import { refNumericName } from './ref-numeric-name';
import { refInvalidAttribute } from './ref-invalid-attribute';
import { refUnclosed } from './ref-unclosed';
import { refNested } from './ref-nested';
import { refGroupWithoutList } from './ref-group-without-list';
import { refListDefinedUnused } from './ref-list-defined-unused';
import { refIdenticalContent } from './ref-identical-content';
import { citeMissingAccessDate } from './cite-missing-access-date';
import { citeDeadLink } from './cite-dead-link';
import { citeDeadLinkArchived } from './cite-dead-link-archived';
import { citeUrlStatusInvalid } from './cite-url-status-invalid';
import { citeUrlStatusWithoutArchive } from './cite-url-status-without-archive';
import { citeDeprecatedDeadUrl } from './cite-deprecated-dead-url';
import { citeAccessDateWithoutUrl } from './cite-access-date-without-url';
import { citeArchiveUrlWithoutDate } from './cite-archive-url-without-date';
import { citeArchiveUrlWithoutUrl } from './cite-archive-url-without-url';
import { citeArchiveDateWithoutArchiveUrl } from './cite-archive-date-without-archive-url';
import { citeArchiveUrlMalformed } from './cite-archive-url-malformed';
import { citeArchiveDateMismatch } from './cite-archive-date-mismatch';
import { citeBadDate } from './cite-bad-date';
import { citeMissingTitle } from './cite-missing-title';
import { citeMissingUrl } from './cite-missing-url';
import { citeBadUrl } from './cite-bad-url';
import { citeGenericTitle } from './cite-generic-title';
import { citeArchivedCopyTitle } from './cite-archived-copy-title';
import { citeUnknownParameter } from './cite-unknown-parameter';
import { citeRedundantParameters } from './cite-redundant-parameters';
import { templateDuplicateParameter } from './template-duplicate-parameter';
import { citeBadIsbn } from './cite-bad-isbn';
import { citeBadIssn } from './cite-bad-issn';
import { citeBadDoi } from './cite-bad-doi';
import { linkDead } from './link-dead';
import { linkUnreachable } from './link-unreachable';
import { linkMarkedDeadButAlive } from './link-marked-dead-but-alive';
import { linkRedirectedPermanently } from './link-redirected-permanently';
import { linkSoft404 } from './link-soft-404';
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
  // links: these report only after a link check (--check-links, the Check Links command)
  linkDead, linkUnreachable, linkMarkedDeadButAlive, linkRedirectedPermanently, linkSoft404,
  // issue 11: CS1 checks that were missing
  citeInvalidParameterValue, citeExplicitEtAl, citeExternalLinkInParameter, citeMarkupInParameter, citeInvisibleCharacter,
  templateMalformedName, citePeriodicalInBook, citeExtraText,
];

/** Ids of all rules (configuration is checked against it). */
export const ruleIds: ReadonlySet<string> = new Set(rules.map((r) => r.id));

/** Each rule by id. */
export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));
