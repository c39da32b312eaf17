import type { Fix, Rule } from '../lint/types';
import { checkedTargets, markedDead, isArchiveParam, checkedOn, refLinkMarked } from '../links/ruleHelpers';
import { archiveCitationEdits } from '../links/archive';

/** A link that answers 200 but is not the page cited: redirected to the home page or an error page, or titled "page not found". */
export const linkSoft404: Rule = {
  id: 'link-soft-404',
  defaultSeverity: 'warning',
  description: 'A cited link that answers but not with the page (redirected to the home page or an error page, or a "page not found" title).',
  wikipedia: null,
  category: 'links',
  languages: 'any',
  fixable: 'suggestion',
  messages: {
    soft404: 'Link looks gone (a soft 404: {{reason}}; {{checked}})',
  },
  check(ctx) {
    for (const { target: t, info } of checkedTargets(ctx)) {
      if (info.status !== 'soft-404') continue;
      const c = t.citation;
      if (c && !isArchiveParam(t) && markedDead(c)) continue;
      if (!c && refLinkMarked(ctx, t)) continue;
      const fixes: Fix[] = [];
      if (c && !isArchiveParam(t) && info.archive && !c.get('archive-url')) fixes.push({ title: 'Mark dead and add archive', edits: archiveCitationEdits(ctx, c, info.archive), safe: false });
      ctx.report({ start: t.start, end: t.end, messageId: 'soft404', data: { reason: info.reason ?? 'not the cited page', checked: checkedOn(info) }, fixes });
    }
  },
};
