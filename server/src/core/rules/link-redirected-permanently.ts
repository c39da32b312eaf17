import type { Rule } from '../lint/types';
import { checkedTargets, checkedOn } from '../links/ruleHelpers';

/** A link answered with a permanent redirect (301/308) to another URL that works: cite the new URL. */
export const linkRedirectedPermanently: Rule = {
  id: 'link-redirected-permanently',
  defaultSeverity: 'info',
  description: 'A cited link that permanently redirects (301/308) to another working URL (fix: use the new URL).',
  wikipedia: null,
  category: 'links',
  languages: 'any',
  fixable: 'suggestion',
  messages: {
    moved: 'Link moved permanently to {{to}} ({{checked}})',
  },
  check(ctx) {
    for (const { target: t, info } of checkedTargets(ctx)) {
      if (info.status !== 'alive' || !info.permanentRedirect) continue;
      const to = info.finalUrl ?? info.permanentRedirect;
      if (to === t.url) continue;
      ctx.report({
        start: t.start,
        end: t.end,
        messageId: 'moved', data: { to, checked: checkedOn(info) },
        fixes: [{ title: `Use ${to}`, edits: [{ start: t.start, end: t.end, newText: to }], safe: false }],
      });
    }
  },
};
