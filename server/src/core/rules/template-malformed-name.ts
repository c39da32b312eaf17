import type { Rule } from '../lint/types';
import { citationTemplate, lookupParameter } from '../cs1/parameters';

/**
 * A citation template whose name swallowed its first parameter because a pipe is missing:
 * `{{cite web url=http://...|title=...}}` calls the template "Cite web url=http://...", which does not exist, so
 * the page shows a red link instead of a citation.
 */
export const templateMalformedName: Rule = {
  id: 'template-malformed-name',
  defaultSeverity: 'error',
  description: 'A citation template name that swallowed its first parameter ({{cite web url=...}}: a missing "|"), so MediaWiki calls a template that does not exist.',
  wikipedia: null,
  category: 'template',
  languages: 'any',
  fixable: 'suggestion',
  messages: {
    swallowed: 'Template name "{{written}}=..." swallowed |{{param}}=: a "|" is missing after {{{{template}}}}, so MediaWiki calls a template that does not exist',
  },
  check(ctx) {
    for (const t of ctx.model.templates) {
      if (!t.name.includes('=')) continue;
      const full = ctx.src.slice(t.nameNode.start, t.nameNode.end);
      const eq = full.indexOf('=');
      if (eq < 0 || eq > 200 || /<!--|\{\{/.test(full)) continue; // "cite web url=" is short
      const raw = full.slice(0, eq + 1);
      // the longest citation template name the text starts with, then whitespace, a parameter CS1 knows and "="
      const m = /^(\s*)([^=|]*?)(\s+)([A-Za-z][\w-]*)(\s*)=/.exec(raw);
      if (!m) continue;
      const info = citationTemplate(m[2]);
      if (!info) continue;
      const param = m[4];
      if (!lookupParameter(param).known) continue;
      const at = t.nameNode.start + m[1].length + m[2].length;
      ctx.report({
        start: t.nameNode.start + m[1].length,
        end: t.nameNode.end - (full.length - full.trimEnd().length),
        messageId: 'swallowed', data: { written: `${m[2]}${m[3]}${param}${m[5]}`, param, template: m[2] },
        // a suggestion, not a safe fix: the repaired call becomes a real citation that the other rules then check
        fixes: [{ title: `Insert "|" before ${param}=`, edits: [{ start: at + m[3].length, end: at + m[3].length, newText: '|' }], safe: false }],
      });
    }
  },
};
