import type { Rule, Fix } from '../lint/types';
import { invisibleCharIn } from '../cs1/values';
import { forEachKnownParam } from './shared/citationParams';

/** What each character becomes in the fix: removed, or a plain space. */
const REPLACEMENT: Record<string, string> = {
  'zero width space': '', 'zero width joiner': '', 'soft hyphen': '', 'delete': '', 'C0 control': '', 'C1 control': '',
  'hair space': ' ', 'no-break space': ' ', 'horizontal tab': ' ', 'line feed': ' ', 'carriage return': ' ',
};

/** `err_invisible_char`: an invisible or control character CS1 rejects in a citation parameter, named with its code point. */
export const citeInvisibleCharacter: Rule = {
  id: 'cite-invisible-character',
  defaultSeverity: 'error',
  description: 'An invisible character CS1 rejects in a citation parameter (zero width space, soft hyphen, no-break space, control characters...).',
  wikipedia: 'err_invisible_char',
  category: 'cs1',
  languages: 'en',
  fixable: 'safe',
  messages: {
    invisible: '{{what}} character ({{codePoint}}) in |{{param}}= at position {{position}}',
  },
  check(ctx) {
    forEachKnownParam(ctx, (p) => {
      const found = invisibleCharIn(p.value);
      if (!found) return;
      const raw = ctx.src.slice(p.valueStart, p.valueEnd);
      if (raw !== p.value) return; // comments or leftovers: positions would not match what CS1 sees
      // line breaks and tabs inside a value that holds templates or tags may vanish when they expand
      if ((found.name === 'line feed' || found.name === 'carriage return' || found.name === 'horizontal tab') && /\{\{|<|\[\[/.test(raw)) return;
      const at = p.valueStart + found.index;
      const fixes: Fix[] = [];
      const rep = REPLACEMENT[found.name];
      if (rep !== undefined) {
        let end = at + found.char.length;
        if (found.name === 'carriage return' && ctx.src[end] === '\n') end++;
        fixes.push({ title: rep === '' ? `Remove the ${found.name} (${found.codePoint})` : `Replace the ${found.name} (${found.codePoint}) with a space`, edits: [{ start: at, end, newText: rep }], safe: true });
      }
      ctx.report({
        start: at,
        end: at + found.char.length,
        messageId: 'invisible', data: { what: `${found.name[0].toUpperCase()}${found.name.slice(1)}`, codePoint: found.codePoint, param: p.name, position: [...p.value.slice(0, found.index)].length + 1 },
        fixes,
      });
    });
  },
};
