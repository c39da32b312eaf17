/** The check shared by the identifier rules (ISBN, ISSN, DOI; each rule is its own file), with CS1's rules. */
import type { Rule } from '../../lint/types';

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
      for (const c of ctx.citations) {
        for (const p of c.params) {
          if (!p.lookup.known || !canonicals.includes(p.lookup.canonical) || p.value === '') continue;
          if (/\{\{|<!--/.test(ctx.src.slice(p.valueStart, p.valueEnd))) continue;
          const reason = check(p.value);
          if (reason) ctx.report({ start: p.valueStart, end: p.valueEnd, messageId: 'invalid', data: { param: p.name, reason } });
        }
      }
    },
  };
}

