import type { Rule } from '../lint/types';
import { keywordValue, localKeywords } from '../citations';
import { closestName } from '../suggest';
import { validValues } from '../cs1/parameters';

/** `err_invalid_param_val` for |url-status=: only dead, live, deviated, usurped, unfit, bot: unknown (case-sensitive). */
export const citeUrlStatusInvalid: Rule = {
  id: 'cite-url-status-invalid',
  defaultSeverity: 'error',
  description: 'A |url-status= value other than dead, live, deviated, usurped, unfit or "bot: unknown" (case-sensitive).',
  wikipedia: 'err_invalid_param_val',
  category: 'cs1',
  languages: 'en',
  fixable: 'safe',
  messages: {
    invalid: 'Invalid |url-status={{value}}: use one of {{allowed}}',
    invalidSuggest: 'Invalid |url-status={{value}}: use one of {{allowed}} (did you mean "{{suggestion}}"?)',
  },
  check(ctx) {
    const cs1 = validValues('url-status') ?? []; // from server/data/cs1-parameters.json
    // and the wiki's own words for them (a citation profile's values: viwiki's hư), named and suggested after CS1's
    const local = localKeywords(ctx.citationProfile, 'url-status');
    const allowed = local.length ? [...cs1, ...local] : cs1;
    for (const c of ctx.citations) {
      for (const p of c.params) {
        if (!p.lookup.known || p.lookup.canonical !== 'url-status' || p.value === '' || allowed.includes(keywordValue(p))) continue;
        const lower = p.value.toLowerCase();
        const suggestion = allowed.find((v) => v === lower) ?? (lower === 'yes' ? 'dead' : lower === 'no' ? 'live' : closestName(p.value, allowed));
        ctx.report({
          start: p.valueStart,
          end: p.valueEnd,
          ...(suggestion ? { messageId: 'invalidSuggest', data: { value: p.value, allowed: allowed.join(', '), suggestion } } : { messageId: 'invalid', data: { value: p.value, allowed: allowed.join(', ') } }),
          fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [{ start: p.valueStart, end: p.valueEnd, newText: suggestion }], safe: lower === suggestion }] : [],
        });
      }
    }
  },
};
