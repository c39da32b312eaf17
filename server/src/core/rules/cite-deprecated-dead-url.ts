import type { Rule, Fix } from '../lint/types';
import { isDeadUrlName, paramNameRange, removeParamEdit } from './shared/citeShared';
import { lookupParameter } from '../cs1/parameters';

/** The old values and their |url-status= equivalents (null: drop the parameter), from the data file's `removed` map. */
function mapped(name: 'deadurl' | 'dead-url', value: string): string | null | undefined {
  const lookup = lookupParameter(name);
  const map = lookup.known ? undefined : lookup.removed?.valueMap;
  return map && Object.hasOwn(map, value) ? map[value] : undefined;
}

/** |deadurl= and |dead-url= were removed from CS1 (unknown parameter, |url-status= suggested). */
export const citeDeprecatedDeadUrl: Rule = {
  id: 'cite-deprecated-dead-url',
  defaultSeverity: 'error',
  description: '|deadurl= or |dead-url=, removed from CS1: use |url-status= (yes → dead, no → live).',
  wikipedia: 'err_parameter_ignored_suggest (deadurl → url-status)',
  category: 'cs1',
  languages: 'en',
  fixable: 'safe',
  messages: {
    useless: '|{{param}}= is no longer supported: remove it (it has no effect)',
    useUrlStatus: '|{{param}}= is no longer supported: use |url-status={{status}}',
  },
  check(ctx) {
    for (const c of ctx.citations) {
      for (const p of c.params) {
        if (!isDeadUrlName(p.name)) continue;
        const key = p.name.toLowerCase() as 'deadurl' | 'dead-url';
        const to = mapped(key, p.value.toLowerCase());
        const nameR = paramNameRange(ctx.src, p.node);
        const fixes: Fix[] = [];
        // without an archive, url-status has no effect unless it says dead (cite-url-status-without-archive)
        const useless = to === null || (to !== undefined && to !== 'dead' && !c.get('archive-url'));
        if (useless) {
          fixes.push({ title: `Remove |${p.name}=${p.value ? p.value : ''}${to ? ' (it has no effect without |archive-url=)' : ''}`, edits: [removeParamEdit(p.node)], safe: true });
        } else if (to !== undefined && to !== null && !c.get('url-status')) {
          fixes.push({
            title: `Replace with |url-status=${to}`,
            edits: [{ start: nameR.start, end: nameR.end, newText: 'url-status' }, { start: p.valueStart, end: p.valueEnd, newText: to }],
            safe: true,
          });
        }
        ctx.report({
          start: nameR.start,
          end: Math.max(nameR.end, p.valueEnd),
          ...(useless ? { messageId: 'useless', data: { param: p.name } } : { messageId: 'useUrlStatus', data: { param: p.name, status: to ?? '' } }),
          tags: ['deprecated'],
          fixes,
        });
      }
    }
  },
};
