import type { Rule, Fix } from '../lint/types';
import { extraText } from '../cs1/values';
import { forEachKnownParam } from './shared/citationParams';

const KEYS: Record<string, string> = { page: 'err_extra_text_pages', pages: 'err_extra_text_pages', volume: 'err_extra_text_volume', issue: 'err_extra_text_issue', edition: 'err_extra_text_edition' };
const WHAT: Record<string, string> = { page: 'CS1 adds "p."', pages: 'CS1 adds "pp."', volume: 'CS1 adds "Vol."', issue: 'CS1 adds "No."', edition: 'CS1 adds "ed."' };

/**
 * `err_extra_text_pages` / `_volume` / `_issue` / `_edition`: |page=/|pages= starting with p., pp., pg., "page";
 * |volume= with vol./volume; |issue= with no./issue/nr.; |edition= ending in ed./edition. CS1 adds these words.
 */
export const citeExtraText: Rule = {
  id: 'cite-extra-text',
  defaultSeverity: 'error',
  description: '|page=/|pages= starting with "p."/"pp.", |volume= with "vol.", |issue= with "no.", |edition= ending in "ed." (CS1 adds these itself).',
  wikipedia: 'err_extra_text_pages, err_extra_text_volume, err_extra_text_issue, err_extra_text_edition',
  category: 'cs1',
  languages: 'en',
  fixable: 'safe',
  messages: {
    extraText: '|{{param}}= has extra text "{{text}}": {{adds}} itself',
  },
  check(ctx) {
    forEachKnownParam(ctx, (p, c) => {
      const canonical = p.lookup.canonical;
      if (!(canonical in KEYS)) return;
      // CS1 checks |page= only when it is the one it uses (|page= wins over |pages= and |at=)
      if (canonical === 'pages' && c.get('page')) return;
      const raw = ctx.src.slice(p.valueStart, p.valueEnd);
      if (raw !== p.value || /\{\{/.test(raw)) return;
      const found = extraText(canonical, p.value);
      if (!found) return;
      const fixes: Fix[] = [];
      const kept = (p.value.slice(0, found.start) + p.value.slice(found.end)).replace(/^(?:&nbsp;|[\s:.=])+|[\s,]+$/g, '').trim();
      // safe when what is left is a plain number or range (5, 12–15, 3a): nothing else was in the extra text
      if (kept !== '' && /^[\dA-Za-z]{1,6}(?:\s*[-–—,]\s*[\dA-Za-z]{1,6})*$/.test(kept) && (canonical !== 'edition' || /\d/.test(kept))) {
        fixes.push({ title: `Change to ${kept}`, edits: [{ start: p.valueStart, end: p.valueEnd, newText: kept }], safe: true });
      }
      ctx.report({
        start: p.valueStart + found.start,
        end: p.valueStart + found.end,
        messageId: 'extraText', data: { param: p.name, text: p.value.slice(found.start, found.end), adds: WHAT[canonical] },
        fixes,
      });
    });
  },
};
