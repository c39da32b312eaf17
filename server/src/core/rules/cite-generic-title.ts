import type { Rule } from '../lint/types';
import { isGenericTitle, isArchivedCopyTitle } from '../cs1/parameters';

/** `err_generic_title`: a title a bot or a site made up ("Wayback Machine", "404", "Page not found", "Login • Instagram"...). */
export const citeGenericTitle: Rule = {
  id: 'cite-generic-title',
  defaultSeverity: 'warning',
  description: 'A generic placeholder title ("Wayback Machine", "Page not found", "404", "Are you a robot?"...).',
  wikipedia: 'err_generic_title',
  category: 'cs1',
  languages: 'en',
  fixable: null,
  messages: {
    generic: 'Generic title "{{title}}": replace it with the real title of the source',
  },
  check(ctx) {
    for (const c of ctx.citations) {
      const t = c.get('title');
      if (!t || !isGenericTitle(t.value) || isArchivedCopyTitle(t.value)) continue;
      ctx.report({ start: t.valueStart, end: t.valueEnd, messageId: 'generic', data: { title: t.value } });
    }
  },
};
