import type { Rule } from '../lint/types';
import { refScopeKey, refRange } from './shared/refShared';
import { citationTemplate } from '../cs1/parameters';
import { refTemplateKind } from '../refTemplates';

/**
 * A comment beside a ref saying a template defines it: `<ref name="pop" /><!-- ref defined in Template:Infobox X -->`
 * (or "defined by"). Such refs are defined in the template's text, which a page linter cannot see.
 */
const DEFINED_IN_TEMPLATE = /\bdefined\s+(?:in|by)\s+(?:\[\[\s*)?(?:\{\{\s*)?(?:template\s*:|infobox\b|\{\{)/i;

/** `cite_error_references_no_text`: a named ref reused but never given content. */
export const refUndefinedName: Rule = {
  id: 'ref-undefined-name',
  defaultSeverity: 'error',
  description: 'A named ref is reused but never defined on the page.',
  wikipedia: 'cite_error_references_no_text',
  category: 'ref',
  languages: 'any',
  fixable: null,
  messages: {
    undefined: 'The named reference "{{name}}"{{group}} is used but never defined (no <ref> with this name has content){{hint}}',
    undefinedAgain: 'The named reference "{{name}}"{{group}} is used but never defined',
  },
  options: {
    definedByTemplates: { type: 'string[]', description: 'Ref names defined by templates the pages transclude (an infobox, a data template): never reported.' },
  },
  check(ctx) {
    const defined = new Set<string>();
    for (const r of ctx.model.refs) if (r.name !== null && r.isDefinition) defined.add(refScopeKey(r));
    const skip = new Set(Array.isArray(ctx.options.definedByTemplates) ? (ctx.options.definedByTemplates as unknown[]).map(String) : []);
    // names marked in the page as defined by a template: a comment right before or after one of their uses
    for (const r of ctx.model.refs) {
      if (r.name === null || r.isDefinition || skip.has(r.name)) continue;
      const note = commentBeside(ctx.src, r.node.start, r.node.end);
      if (note !== undefined && DEFINED_IN_TEMPLATE.test(note)) skip.add(r.name);
    }
    // a {{sfn}} whose arguments expand (a template, a variable) makes a FOOTNOTE… name this linter cannot know
    const unknownFootnote = ctx.model.refs.some((r) => r.generatedName && r.name === null);
    let hint: string | undefined | null = null; // computed once, when needed
    const reported = new Set<string>();
    for (const r of ctx.model.refs) {
      if (r.name === null || r.isDefinition || defined.has(refScopeKey(r)) || skip.has(r.name)) continue;
      if (/^\d+$/.test(r.name)) continue; // ref-numeric-name reports these; Cite drops the name
      if (unknownFootnote && r.name.startsWith('FOOTNOTE')) continue;
      if (hint === null) hint = templateHint(ctx.model.templates);
      const range = refRange(r);
      const key = refScopeKey(r);
      const again = reported.has(key);
      reported.add(key);
      ctx.report({
        start: range.start,
        end: range.end,
        // group: ' (group "g")' or ''; hint: what a template on the page may explain, or ''
        messageId: again ? 'undefinedAgain' : 'undefined', data: { name: r.name!, group: r.group ? ` (group "${r.group}")` : '', hint: hint || '' },
      });
    }
  },
};

/** The text of a comment right after `end` or right before `start` (spaces and tabs between), at most 300 characters. */
function commentBeside(src: string, start: number, end: number): string | undefined {
  let i = end;
  while (src[i] === ' ' || src[i] === '\t') i++;
  if (src.startsWith('<!--', i)) {
    const close = src.indexOf('-->', i + 4);
    if (close >= 0 && close - i < 300) return src.slice(i + 4, close);
  }
  let j = start;
  while (j > 0 && (src[j - 1] === ' ' || src[j - 1] === '\t')) j--;
  if (j >= 3 && src.startsWith('-->', j - 3)) {
    const open = src.lastIndexOf('<!--', j - 3);
    if (open >= 0 && j - open < 300) return src.slice(open + 4, j - 3);
  }
  return undefined;
}

/**
 * When the page transcludes templates that are not citation or ref templates (an infobox, a data template), one of
 * them may define the ref: say so, and how to mark it.
 */
function templateHint(templates: readonly { name: string }[]): string | undefined {
  for (const t of templates) {
    const name = t.name.trim();
    if (!/^(infobox|.*\bdata\b|.*\/)/i.test(name.replace(/^template:/i, ''))) continue;
    if (citationTemplate(name) || refTemplateKind(name)) continue;
    return `; the page transcludes {{${name}}}, which may define it: if so, put <!-- ref defined in Template:${name} --> beside the ref or list the name in the rule's definedByTemplates option`;
  }
  return undefined;
}
