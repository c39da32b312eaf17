import type { Rule } from '../lint/types';
import { keywordValue } from '../citations';
import { checkedTargets, isArchiveParam, checkedOn } from '../links/ruleHelpers';

/** |url-status=dead on a link that answers 200 today: readers are sent to the archive for nothing. */
export const linkMarkedDeadButAlive: Rule = {
  id: 'link-marked-dead-but-alive',
  defaultSeverity: 'warning',
  description: 'A citation marked |url-status=dead whose link a check found alive (fix: |url-status=live).',
  wikipedia: null,
  category: 'links',
  languages: 'any',
  fixable: 'safe',
  messages: {
    alive: 'Citation says |url-status=dead but the link answers {{httpStatus}} ({{checked}}): mark it live',
  },
  check(ctx) {
    for (const { target: t, info } of checkedTargets(ctx)) {
      const c = t.citation;
      if (!c || isArchiveParam(t) || info.status !== 'alive') continue;
      const status = c.get('url-status');
      if (!status || keywordValue(status) !== 'dead') continue;
      if (!c.get('archive-url')) continue;
      ctx.report({
        start: t.start,
        end: t.end,
        messageId: 'alive', data: { httpStatus: info.httpStatus ?? 200, checked: checkedOn(info) },
        related: [{ start: status.valueStart, end: status.valueEnd, message: 'marked dead here' }],
        fixes: [{ title: 'Set |url-status=live', edits: [{ start: status.valueStart, end: status.valueEnd, newText: 'live' }], safe: true }],
      });
    }
  },
};
