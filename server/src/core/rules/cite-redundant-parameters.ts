import type { Rule } from '../lint/types';
import type { CitationParam } from '../citations';
import { paramNameRange } from './shared/citeShared';

/** `err_redundant_parameters`: two aliases of one parameter (url and URL, accessdate and access-date, page and pages...). */
export const citeRedundantParameters: Rule = {
  id: 'cite-redundant-parameters',
  defaultSeverity: 'error',
  description: 'More than one alias of the same parameter (e.g. |accessdate= and |access-date=, |page= and |pages=).',
  wikipedia: 'err_redundant_parameters',
  category: 'cs1',
  languages: 'en',
  fixable: null,
  messages: {
    redundant: 'More than one of {{names}} specified; CS1 uses only one',
  },
  check(ctx) {
    for (const c of ctx.citations) {
      if (!hasAliasRepeat(c.params)) continue; // the usual case: nothing to build
      const byKey = new Map<string, CitationParam[]>();
      for (const p of c.params) {
        if (!p.lookup.known || p.value === '') continue;
        const list = byKey.get(p.lookup.metaKey) ?? [];
        list.push(p);
        byKey.set(p.lookup.metaKey, list);
      }
      for (const list of byKey.values()) {
        const names = new Set(list.map((p) => p.name));
        if (names.size < 2) continue; // the same name twice is template-duplicate-parameter
        const later = list.slice(1).filter((p) => p.name !== list[0].name);
        for (const p of later) {
          const r = paramNameRange(ctx.src, p.node);
          const first = paramNameRange(ctx.src, list[0].node);
          ctx.report({
            start: r.start,
            end: r.end,
            messageId: 'redundant', data: { names: [...names].map((n) => `|${n}=`).join(', ') },
            related: [{ start: first.start, end: first.end, message: `|${list[0].name}= is given here` }],
          });
        }
      }
    }
  },
};

/** True when two non-empty parameters share a meaning under different names. */
function hasAliasRepeat(ps: CitationParam[]): boolean {
  if (ps.length > 24) return true; // long citations take the linear path with a map
  for (let i = 0; i < ps.length; i++) {
    const a = ps[i];
    if (!a.lookup.known || a.value === '') continue;
    for (let j = i + 1; j < ps.length; j++) {
      const b = ps[j];
      if (b.lookup.known && b.value !== '' && b.lookup.metaKey === a.lookup.metaKey && b.name !== a.name) return true;
    }
  }
  return false;
}
