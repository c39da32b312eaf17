import type { Rule } from '../lint/types';
import { keywordValue } from '../citations';
import { paramRange, removeParamEdit } from './shared/citeShared';

/** `maint_url_status`: |url-status= other than dead with no |archive-url= (CS1 ignores it). */
export const citeUrlStatusWithoutArchive: Rule = {
  id: 'cite-url-status-without-archive',
  defaultSeverity: 'info',
  description: 'A |url-status= (other than dead or deviated) with no |archive-url=: CS1 ignores it.',
  wikipedia: 'maint_url_status',
  category: 'cs1',
  languages: 'en',
  fixable: 'suggestion',
  messages: {
    noEffect: '|url-status={{status}} has no effect without |archive-url=',
  },
  check(ctx) {
    for (const c of ctx.citations) {
      const status = c.get('url-status');
      const kw = status && keywordValue(status);
      if (!status || kw === 'dead' || kw === 'deviated' || c.get('archive-url')) continue;
      const r = paramRange(ctx.src, status);
      ctx.report({
        start: r.start,
        end: r.end,
        messageId: 'noEffect', data: { status: status.value },
        tags: ['unnecessary'],
        fixes: [{ title: 'Remove |url-status=', edits: [removeParamEdit(status.node)], safe: false }],
      });
    }
  },
};
