import type { Rule } from '../lint/types';
import { archiveServiceName } from '../cs1/urls';
import { deadMark, paramNameRange } from './shared/citeShared';

/** Information: a citation marked dead that readers get from its archive, so dead sources are visible at a glance. */
export const citeDeadLinkArchived: Rule = {
  id: 'cite-dead-link-archived',
  defaultSeverity: 'info',
  description: 'A citation marked dead (|url-status=dead or deviated, or the removed |deadurl=yes) that is served from its archive; names the archive and its date.',
  wikipedia: null,
  category: 'policy',
  languages: 'en',
  fixable: null,
  messages: {
    archived: 'Dead link ({{status}}): readers are sent to {{service}} (archived {{date}})',
    archivedUndated: 'Dead link ({{status}}): readers are sent to {{service}}',
  },
  check(ctx) {
    for (const c of ctx.citations) {
      const mark = deadMark(c);
      const archive = c.get('archive-url');
      if (!mark || !archive) continue;
      const status = mark.param;
      const service = archiveServiceName(archive.value) ?? 'an archive';
      const date = c.value('archive-date');
      const range = paramNameRange(ctx.src, status.node);
      ctx.report({
        start: range.start,
        end: status.valueEnd,
        ...(date ? { messageId: 'archived', data: { status: mark.status, service, date } } : { messageId: 'archivedUndated', data: { status: mark.status, service } }),
      });
    }
  },
};
