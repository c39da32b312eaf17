import { MONTH_NAMES } from '../text';
import type { Rule, Fix, RuleContext } from '../lint/types';
import type { CitationProfile } from '../profile';
import { formatDate } from '../cs1/dates';
import { formatLocalDate, insertionPattern } from '../cs1/datesLocal';
import { refTemplateKind } from '../refTemplates';
import { citationUrl, deadMark, insertParam, localParamName, paramNameRange } from './shared/citeShared';

/** A citation marked dead with no archive: readers have no working link (CS1 maint_url_status; {{dead link}}). */
export const citeDeadLink: Rule = {
  id: 'cite-dead-link',
  defaultSeverity: 'warning',
  description: 'A citation marked dead (|url-status=dead or deviated, the removed |deadurl=yes, or a {{dead link}} in its ref) with no |archive-url=.',
  wikipedia: 'maint_url_status; Template:Dead link',
  category: 'cs1',
  languages: 'en',
  fixable: 'suggestion',
  messages: {
    markedDead: 'Citation is marked |{{param}}={{value}} but has no |archive-url=: readers have no working link',
    taggedDead: 'Citation is tagged {{dead link}} and has no |archive-url=: readers have no working link',
  },
  check(ctx) {
    let tag: string | null | undefined;
    for (const c of ctx.citations) {
      if (c.get('archive-url')) continue;
      const mark = deadMark(c);
      const status = mark?.param;
      const deadByStatus = !!mark;
      if (!deadByStatus && !c.deadLinkTag) continue;
      if (!citationUrl(c)) continue;
      const fixes: Fix[] = [];
      // the parameter names this template takes on this wiki (`archiv-url` in dewiki's {{Internetquelle}})
      const archiveUrl = localParamName(ctx.citationProfile, c, 'archive-url');
      const archiveDate = localParamName(ctx.citationProfile, c, 'archive-date');
      const at = insertParam(ctx.src, c, ['url-status', 'url', 'access-date'], archiveUrl, '${1:https://web.archive.org/web/}');
      const dateAt = { ...at, newText: at.newText.replace(archiveUrl, archiveDate).replace('${1:https://web.archive.org/web/}', '${2:date}') };
      fixes.push({ title: `Add |${archiveUrl}= and |${archiveDate}= (fill them in)`, edits: [{ ...at, newText: at.newText + dateAt.newText }], safe: false, snippet: true });
      if (!c.deadLinkTag) {
        if (tag === undefined) tag = deadLinkTag(ctx.citationProfile, ctx.today);
        // a non-English wiki whose profile names no dead-link template: an English {{dead link}} may not exist there
        if (tag !== null) fixes.push({ title: `Tag with ${tag}`, edits: [{ start: c.template.end, end: c.template.end, newText: tag }], safe: false });
      }
      const range = deadByStatus ? paramNameRange(ctx.src, status!.node) : { start: c.deadLinkTag!.start, end: c.deadLinkTag!.end };
      ctx.report({
        start: deadByStatus ? range.start : range.start,
        end: deadByStatus ? status!.valueEnd : range.end,
        ...(deadByStatus ? { messageId: 'markedDead', data: { param: status!.name, value: status!.value } } : { messageId: 'taggedDead' }),
        fixes,
      });
    }
  },
};

/**
 * The dead-link tag to suggest: English Wikipedia's `{{dead link|date=Month YYYY}}` without a profile (or on an English
 * one); else the template the profile names `like: "dead link"` (`refTemplates`), dated in the local parameter it maps
 * to `date` (none: no date) in the wiki's month-year format, else its full-date format, else ISO; null on a
 * non-English wiki whose profile names no dead-link template.
 */
function deadLinkTag(profile: CitationProfile | undefined, today: RuleContext['today']): string | null {
  const english = `{{dead link|date=${MONTH_NAMES[today.month - 1]} ${today.year}}}`;
  if (!profile) return english;
  for (const [name, r] of Object.entries(profile.refTemplates ?? {})) {
    if (refTemplateKind(r.like)?.kind !== 'dead-link') continue;
    const dateParam = Object.entries(r.parameters ?? {}).find(([, en]) => en === 'date')?.[0];
    if (dateParam === undefined) return `{{${name}}}`;
    const dates = profile.dates;
    const pattern = dates && insertionPattern(dates, 'month');
    const value = pattern ? formatLocalDate(today, pattern, dates!) : profile.lang && profile.lang !== 'en' ? formatDate(today, 'iso') : `${MONTH_NAMES[today.month - 1]} ${today.year}`;
    return `{{${name}|${dateParam}=${value}}}`;
  }
  return profile.lang && profile.lang !== 'en' ? null : english;
}
