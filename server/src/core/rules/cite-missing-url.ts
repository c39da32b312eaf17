import type { Rule } from '../lint/types';
import { templateNameRange } from './shared/citeShared';

/** `err_cite_web_url`: {{cite web}} (and podcast, mailing list) without |url=. */
export const citeMissingUrl: Rule = {
  id: 'cite-missing-url',
  defaultSeverity: 'error',
  description: '{{cite web}}, {{cite podcast}}, {{cite mailing list}} (or {{citation}} with |website=) with no |url=.',
  wikipedia: 'err_cite_web_url',
  category: 'cs1',
  languages: 'en',
  fixable: null,
  messages: {
    missing: '{{{{template}}}} requires |url=',
  },
  check(ctx) {
    for (const c of ctx.citations) {
      // {{citation}} acts as cite web when |website= is given (err_cite_web_url)
      const webCitation = c.info.citationClass === 'citation' && c.params.some((p) => p.name === 'website' && p.value !== '');
      if ((!c.info.required.includes('url') && !webCitation) || c.get('url')) continue;
      ctx.report({ ...templateNameRange(ctx.src, c.template), messageId: 'missing', data: { template: c.info.name } });
    }
  },
};
