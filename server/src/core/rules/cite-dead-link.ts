import { MONTH_NAMES } from '../text';
import type { Rule, Fix } from '../lint/types';
import { formatDate } from '../cs1/dates';
import { citationUrl, deadMark, insertParam, paramNameRange } from './shared/citeShared';

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
    for (const c of ctx.citations) {
      if (c.get('archive-url')) continue;
      const mark = deadMark(c);
      const status = mark?.param;
      const deadByStatus = !!mark;
      if (!deadByStatus && !c.deadLinkTag) continue;
      if (!citationUrl(c)) continue;
      const fixes: Fix[] = [];
      const at = insertParam(ctx.src, c, ['url-status', 'url', 'access-date'], 'archive-url', '${1:https://web.archive.org/web/}');
      const dateAt = { ...at, newText: at.newText.replace('archive-url', 'archive-date').replace('${1:https://web.archive.org/web/}', '${2:date}') };
      fixes.push({ title: 'Add |archive-url= and |archive-date= (fill them in)', edits: [{ ...at, newText: at.newText + dateAt.newText }], safe: false, snippet: true });
      if (!c.deadLinkTag) {
        const tag = `{{dead link|date=${MONTH_NAMES[ctx.today.month - 1]} ${ctx.today.year}}}`;
        fixes.push({ title: `Tag with ${tag}`, edits: [{ start: c.template.end, end: c.template.end, newText: tag }], safe: false });
      }
      const range = deadByStatus ? paramNameRange(ctx.src, status!.node) : { start: c.deadLinkTag!.start, end: c.deadLinkTag!.end };
      ctx.report({
        start: deadByStatus ? range.start : range.start,
        end: deadByStatus ? status!.valueEnd : range.end,
        ...(deadByStatus ? { messageId: 'markedDead', data: { param: status!.name, value: status!.value } } : { messageId: 'taggedDead' }),
        fixes,
      });
      void formatDate;
    }
  },
};
