/** The check shared by the identifier rules (ISBN, ISSN, DOI; each rule is its own file), with CS1's rules. */
import type { Rule } from '../../lint/types';
import { forEachKnownParam, isComputed } from './citationParams';

export function identifierRule(id: string, wikipedia: string, label: string, canonicals: string[], check: (v: string) => string | undefined): Rule {
  return {
    id,
    defaultSeverity: 'error',
    description: `An invalid ${label} (CS1's ${label === 'DOI' ? 'format' : 'format and checksum'} rules).`,
    wikipedia,
    category: 'cs1',
    languages: 'any',
    fixable: null,
    messages: {
      invalid: 'Check |{{param}}= value: {{reason}}',
    },
    check(ctx) {
      forEachKnownParam(ctx, (p) => {
        if (!canonicals.includes(p.lookup.canonical)) return;
        if (isComputed(ctx.src, p)) return;
        const reason = check(p.value);
        if (reason) ctx.report({ start: p.valueStart, end: p.valueEnd, messageId: 'invalid', data: { param: p.name, reason } });
      });
    },
  };
}

