import type { Rule } from '../lint/types';
import { checkedTargets, checkedOn } from '../links/ruleHelpers';

/** A link that failed a check but is not (yet) called dead: a 5xx, a timeout, a refused connection once... */
export const linkUnreachable: Rule = {
  id: 'link-unreachable',
  defaultSeverity: 'info',
  description: 'A cited link that did not answer usefully when checked (5xx, timeout, one failure): unreachable now, not yet dead.',
  wikipedia: null,
  category: 'links',
  languages: 'any',
  fixable: null,
  messages: {
    unreachable: 'Link is unreachable now ({{reason}}; {{checked}})',
    cannotTell: 'Cannot tell whether the link works ({{reason}}; {{checked}})',
  },
  check(ctx) {
    for (const { target: t, info } of checkedTargets(ctx)) {
      if (info.status !== 'unreachable' && info.status !== 'cannot-tell') continue;
      ctx.report({ start: t.start, end: t.end, messageId: info.status === 'cannot-tell' ? 'cannotTell' : 'unreachable', data: { reason: info.reason ?? 'failed', checked: checkedOn(info) } });
    }
  },
};
