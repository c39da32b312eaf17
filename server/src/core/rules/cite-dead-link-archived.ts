import type { Rule } from '../lint/types';
import { archiveServiceName } from '../cs1/urls';
import { paramNameRange } from './shared/citeShared';

const DEAD = new Set(['dead', 'deviated']);

/** Information: a citation marked dead that readers get from its archive, so dead sources are visible at a glance. */
export const citeDeadLinkArchived: Rule = {
  id: 'cite-dead-link-archived',
  defaultSeverity: 'info',
  description: 'A citation marked dead (|url-status=dead or deviated) that is served from its archive; names the archive and its date.',
  wikipedia: null,
  category: 'policy',
  fixable: null,
  check(ctx) {
    for (const c of ctx.citations) {
      const status = c.get('url-status');
      const archive = c.get('archive-url');
      if (!status || !DEAD.has(status.value) || !archive) continue;
      const service = archiveServiceName(archive.value) ?? 'an archive';
      const date = c.value('archive-date');
      const range = paramNameRange(ctx.src, status.node);
      ctx.report({
        start: range.start,
        end: status.valueEnd,
        message: `Dead link (${status.value}): readers are sent to ${service}${date ? ` (archived ${date})` : ''}`,
      });
    }
  },
};
