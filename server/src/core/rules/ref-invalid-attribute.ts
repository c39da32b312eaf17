import type { Rule } from '../lint/types';
import { ExtensionTagNode } from '../parser/nodes';
import { closestName } from '../suggest';

const REF_ATTRIBUTES = ['name', 'group', 'follow', 'dir', 'details'];
const REFERENCES_ATTRIBUTES = ['group', 'responsive'];

/** `cite_error_ref_too_many_keys`, `cite_error_ref_parameter_suggestion`, `cite_error_references_invalid_parameters`. */
export const refInvalidAttribute: Rule = {
  id: 'ref-invalid-attribute',
  defaultSeverity: 'error',
  description: 'An attribute that <ref> (name, group, follow, dir, details) or <references> (group, responsive) does not accept.',
  wikipedia: 'cite_error_ref_too_many_keys, cite_error_ref_parameter_suggestion, cite_error_references_invalid_parameters',
  category: 'ref',
  languages: 'any',
  fixable: 'safe',
  messages: {
    badDir: 'Invalid dir="{{value}}" on <ref>: use ltr, rtl or auto',
    suggest: 'Invalid attribute "{{attribute}}" on <{{tag}}>; did you mean "{{suggestion}}"?',
    invalid: 'Invalid attribute "{{attribute}}" on <{{tag}}>; allowed: {{allowed}}',
    invalidSplit: 'Invalid attribute "{{attribute}}" on <{{tag}}>; allowed: {{allowed}} (an unquoted name with a space splits into two attributes: quote it)',
  },
  check(ctx) {
    const walk = (tag: ExtensionTagNode) => {
      const allowed = tag.name === 'ref' ? REF_ATTRIBUTES : REFERENCES_ATTRIBUTES;
      for (const a of tag.attributes) {
        if (allowed.includes(a.name)) {
          if (tag.name === 'ref' && a.name === 'dir' && a.value && !['ltr', 'rtl', 'auto'].includes(a.value.toLowerCase())) {
            ctx.report({ start: a.start, end: a.end, messageId: 'badDir', data: { value: a.value } });
          }
          continue;
        }
        const suggestion = closestName(a.name, allowed);
        const raw = ctx.src.slice(a.nameNode.start, a.nameNode.end);
        ctx.report({
          start: a.nameNode.start,
          end: a.nameNode.end,
          ...(suggestion
            ? { messageId: 'suggest', data: { attribute: raw, tag: tag.name, suggestion } }
            : { messageId: tag.name === 'ref' && !a.valueNode ? 'invalidSplit' : 'invalid', data: { attribute: raw, tag: tag.name, allowed: allowed.join(', ') } }),
          fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [{ start: a.nameNode.start, end: a.nameNode.end, newText: suggestion }], safe: true }] : [],
        });
      }
    };
    for (const r of ctx.model.refs) if (r.node instanceof ExtensionTagNode) walk(r.node);
    for (const l of ctx.model.refLists) if (l.node instanceof ExtensionTagNode) walk(l.node);
  },
};
