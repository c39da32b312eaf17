import type { Rule } from '../lint/types';
import { templateNameRange } from './citeShared';

/** `err_cite_web_url`: {{cite web}} (and podcast, mailing list) without |url=. */
export const citeMissingUrl: Rule = {
  id: 'cite-missing-url',
  defaultSeverity: 'error',
  description: '{{cite web}}, {{cite podcast}} or {{cite mailing list}} with no |url=.',
  wikipedia: 'err_cite_web_url',
  check(ctx) {
    for (const c of ctx.citations) {
      if (!c.info.required.includes('url') || c.get('url')) continue;
      ctx.report({ ...templateNameRange(ctx.src, c.template), message: `{{${c.info.name}}} requires |url=` });
    }
  },
};
