import type { Rule } from '../lint/types';
import { localParamName, templateNameRange } from './shared/citeShared';

/** `err_citation_missing_title`: no |title=, |trans-title= or |script-title= (|series= in cite episode). */
export const citeMissingTitle: Rule = {
  id: 'cite-missing-title',
  defaultSeverity: 'error',
  description: 'A citation with no |title= (nor |trans-title=, |script-title=).',
  wikipedia: 'err_citation_missing_title',
  category: 'cs1',
  languages: 'en',
  fixable: null,
  messages: {
    missing: 'Citation has no |{{param}}=',
  },
  check(ctx) {
    for (const c of ctx.citations) {
      const episode = c.info.citationClass === 'episode';
      if (episode ? c.get('series') : c.get('title') || c.get('trans-title') || c.get('script-title')) continue;
      if (c.info.citationClass === 'journal' && /^(none|off)$/.test(c.value('title'))) continue;
      // cite encyclopedia without |title= cites the whole work: CS1 promotes |encyclopedia= to the title
      if (c.info.citationClass === 'encyclopaedia' && (c.get('encyclopedia') || c.get('work'))) continue;
      ctx.report({
        ...templateNameRange(ctx.src, c.template),
        // named as the citation's own template names it (dewiki's {{Internetquelle}}: |titel=)
        messageId: 'missing', data: { param: localParamName(ctx.citationProfile, c, episode ? 'series' : 'title') },
      });
    }
  },
};
