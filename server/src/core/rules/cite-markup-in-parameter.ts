import type { Rule, Fix } from '../lint/types';
import { markupForbidden, stripApostropheMarkup } from '../cs1/values';
import { forEachKnownParam } from './shared/citationParams';

/**
 * `err_apostrophe_markup`: '' or ''' in the periodical (|work=, |website=, |newspaper=, |journal=, |magazine=,
 * |periodical=) or |publisher=: CS1 italicises the periodical itself and never the publisher, strips the quotes and
 * reports them.
 */
export const citeMarkupInParameter: Rule = {
  id: 'cite-markup-in-parameter',
  defaultSeverity: 'error',
  description: "Italic or bold markup ('' or ''') in |work=/|website=/|newspaper=/|journal=/|magazine= or |publisher=, which CS1 formats itself.",
  wikipedia: 'err_apostrophe_markup',
  category: 'cs1',
  languages: 'en',
  fixable: 'safe',
  messages: {
    markup: 'Italic or bold markup not allowed in |{{param}}=: CS1 formats it itself',
  },
  check(ctx) {
    forEachKnownParam(ctx, (p) => {
      if (!markupForbidden(p.lookup.canonical)) return;
      const stripped = stripApostropheMarkup(p.value);
      if (stripped === undefined) return;
      const fixes: Fix[] = [];
      const raw = ctx.src.slice(p.valueStart, p.valueEnd);
      // what CS1 shows is the value without the quotes: removing them is safe when the value has no comment to keep
      if (raw === p.value) fixes.push({ title: 'Remove the italic/bold markup', edits: [{ start: p.valueStart, end: p.valueEnd, newText: stripped }], safe: stripped.trim() !== '' });
      ctx.report({ start: p.valueStart, end: p.valueEnd, messageId: 'markup', data: { param: p.name }, fixes });
    });
  },
};
