import type { Rule } from '../lint/types';
import { isArchivedCopyTitle } from '../cs1/parameters';

/** `maint_archived_copy`: the bots' "Archived copy" placeholder title. */
export const citeArchivedCopyTitle: Rule = {
  id: 'cite-archived-copy-title',
  defaultSeverity: 'info',
  description: 'The bots\' placeholder title "Archived copy".',
  wikipedia: 'maint_archived_copy',
  category: 'cs1',
  languages: 'en',
  fixable: null,
  messages: {
    placeholder: 'Placeholder title "{{title}}" (added by a bot): replace it with the real title',
  },
  check(ctx) {
    for (const c of ctx.citations) {
      const t = c.get('title');
      if (!t || !isArchivedCopyTitle(t.value)) continue;
      ctx.report({ start: t.valueStart, end: t.valueEnd, messageId: 'placeholder', data: { title: t.value } });
    }
  },
};
