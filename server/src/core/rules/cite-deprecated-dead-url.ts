import type { Rule, Fix } from '../lint/types';
import { paramNameRange, removeParamEdit } from './shared/citeShared';
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
  fixable: 'safe',
  check(ctx) {
    for (const c of ctx.citations) {
      for (const p of c.params) {
        const key = p.name.toLowerCase();
        if (key !== 'deadurl' && key !== 'dead-url') continue;
        const to = mapped(key, p.value.toLowerCase());
        const nameR = paramNameRange(ctx.src, p.node);
        const fixes: Fix[] = [];
        if (to === null) {
          fixes.push({ title: `Remove |${p.name}=`, edits: [removeParamEdit(p.node)], safe: true });
        } else if (to !== undefined && !c.get('url-status')) {
          fixes.push({
            title: `Replace with |url-status=${to}`,
            edits: [{ start: nameR.start, end: nameR.end, newText: 'url-status' }, { start: p.valueStart, end: p.valueEnd, newText: to }],
            safe: true,
          });
        }
        ctx.report({
          start: nameR.start,
          end: Math.max(nameR.end, p.valueEnd),
          message: `|${p.name}= is no longer supported: use |url-status=${to ?? ''}${to ? '' : ' (or remove it)'}`,
          tags: ['deprecated'],
          fixes,
        });
      }
    }
  },
};
