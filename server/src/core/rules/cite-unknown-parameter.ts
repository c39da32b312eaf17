import type { Rule, Fix } from '../lint/types';
import { isParameterAcceptedBy, suggestParameter } from '../cs1/parameters';
import { paramNameRange, removeParamEdit } from './shared/citeShared';

/**
 * `err_parameter_ignored` / `err_parameter_ignored_suggest` / `err_param_unknown_empty`, and `err_text_ignored`
 * for a stray positional parameter. |deadurl= is left to cite-deprecated-dead-url.
 */
export const citeUnknownParameter: Rule = {
  id: 'cite-unknown-parameter',
  defaultSeverity: 'error',
  description: 'A parameter the CS1 citation template does not accept (CS1 ignores it); suggests the intended name.',
  wikipedia: 'err_parameter_ignored, err_parameter_ignored_suggest, err_param_unknown_empty, err_text_ignored',
  category: 'cs1',
  fixable: 'safe',
  check(ctx) {
    for (const c of ctx.citations) {
      for (const p of c.params) {
        const key = p.name.toLowerCase();
        if (key === 'deadurl' || key === 'dead-url') continue;
        if (isParameterAcceptedBy(p.name, c.info.citationClass)) continue;
        const known = p.lookup.known;
        const suggestion = known ? undefined : suggestParameter(p.name);
        const r = paramNameRange(ctx.src, p.node);
        const fixes: Fix[] = [];
        if (suggestion && !c.get(suggestion)) {
          fixes.push({ title: `Change to |${suggestion}=`, edits: [{ start: r.start, end: r.end, newText: suggestion }], safe: true });
        }
        if (p.value === '') {
          fixes.push({ title: `Remove the empty |${p.name}=`, edits: [removeParamEdit(p.node)], safe: !suggestion });
        }
        const where = known ? ` is not supported by {{${c.info.name}}}` : ' is not a CS1 parameter';
        ctx.report({
          start: r.start,
          end: r.end,
          message: `Unknown parameter |${p.name}=${where}; it is ignored${suggestion ? ` (did you mean |${suggestion}=?)` : ''}${p.value === '' ? ' (and empty)' : ''}`,
          fixes,
        });
      }
      for (const p of c.positional) {
        const text = ctx.src.slice(p.valueNode.start, p.valueNode.end).trim();
        if (!text) {
          // a stray "||": CS1's empty unknown parameter
          ctx.report({ start: p.start, end: p.start + 1, message: 'Empty parameter (a stray "|"); CS1 reports it as an empty unknown parameter', fixes: [{ title: 'Remove the stray "|"', edits: [{ start: p.start, end: p.end, newText: p.end - p.start > 1 && /\n/.test(ctx.src.slice(p.start, p.end)) ? ctx.src.slice(p.start + 1, p.end).replace(/[^\n]/g, '') : '' }], safe: true }] });
          continue;
        }
        const r = paramNameRange(ctx.src, p);
        ctx.report({ start: r.start, end: r.end, message: `Text "${text.length > 40 ? text.slice(0, 37) + '...' : text}" ignored: a parameter name and "=" are missing` });
      }
    }
  },
};
