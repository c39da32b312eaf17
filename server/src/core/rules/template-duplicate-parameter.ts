import type { Rule, Fix } from '../lint/types';
import type { ParameterNode } from '../parser/nodes';
import { paramNameRange, removeParamEdit } from './shared/citeShared';
import { textWithoutComments } from '../model';

/**
 * The same parameter given twice in one template call: MediaWiki keeps the last and adds the page to
 * "Pages using duplicate arguments in template calls" (CheckWiki/WPCleaner #524). Any template.
 */
export const templateDuplicateParameter: Rule = {
  id: 'template-duplicate-parameter',
  defaultSeverity: 'error',
  description: 'A template call that gives the same parameter twice; MediaWiki silently keeps the last.',
  wikipedia: 'Pages using duplicate arguments in template calls (WPCleaner #524)',
  category: 'template',
  languages: 'any',
  fixable: 'safe',
  messages: {
    duplicate: 'Parameter |{{param}}= is given more than once in {{{{template}}}}; MediaWiki uses only the last',
    duplicateValue: 'Parameter |{{param}}= is given more than once in {{{{template}}}}; MediaWiki uses only the last ("{{value}}")',
  },
  check(ctx) {
    for (const t of ctx.model.templates) {
      if (t.params.length < 2) continue;
      const ps = t.params;
      // a map only for a long call: most have a handful of parameters, where comparing names costs less than a map
      const seen = ps.length > 16 ? new Map<string, ParameterNode>() : null;
      for (let i = 0; i < ps.length; i++) {
        const p = ps[i];
        let prev: ParameterNode | undefined;
        if (seen) {
          prev = seen.get(p.name);
          seen.set(p.name, p);
        } else {
          for (let j = i - 1; j >= 0; j--) if (ps[j].name === p.name) { prev = ps[j]; break; }
        }
        if (!prev) continue;
        const r = paramNameRange(ctx.src, p);
        const prevValue = textWithoutComments(ctx.src, prev.valueNode).trim();
        const value = textWithoutComments(ctx.src, p.valueNode).trim();
        const fixes: Fix[] = [];
        // Removing the earlier one never changes the output: MediaWiki ignores it anyway.
        const removeEarlier = removeParamEdit(prev);
        if (prevValue === value || prevValue === '') {
          fixes.push({ title: `Remove the earlier |${prev.name}=${prevValue ? '' : ' (empty)'}`, edits: [removeEarlier], safe: true });
        } else if (value === '') {
          fixes.push({ title: `Remove this empty |${p.name}= (MediaWiki would keep it, blanking the earlier value)`, edits: [removeParamEdit(p)], safe: false });
        }
        const pr = paramNameRange(ctx.src, prev);
        ctx.report({
          start: r.start,
          end: r.end,
          ...(prevValue !== value ? { messageId: 'duplicateValue', data: { param: p.name, template: t.name, value: value.slice(0, 40) } } : { messageId: 'duplicate', data: { param: p.name, template: t.name } }),
          related: [{ start: pr.start, end: pr.end, message: 'Earlier value, ignored' }],
          fixes,
        });
      }
    }
  },
};
