import type { Rule, Fix, TextEdit } from '../lint/types';
import { etAlIn, etAlList } from '../cs1/values';
import { insertParam, removeParamEdit } from './shared/citeShared';
import { forEachKnownParam, isComputed } from './shared/citationParams';

const DISPLAY: Record<string, string> = { author: 'display-authors', editor: 'display-editors', translator: 'display-translators', contributor: 'display-contributors', interviewer: 'display-interviewers' };

/** `err_etal`: "et al." (or "and others") written into an author, editor or other name parameter. */
export const citeExplicitEtAl: Rule = {
  id: 'cite-explicit-et-al',
  defaultSeverity: 'error',
  description: '"et al." written in a name parameter (|author=, |last=, |editor=...): use |display-authors=etal.',
  wikipedia: 'err_etal',
  category: 'cs1',
  languages: 'en',
  fixable: 'safe',
  messages: {
    etAl: 'Explicit use of et al. in |{{param}}=: list the names CS1 should show and add |{{display}}=etal',
  },
  check(ctx) {
    forEachKnownParam(ctx, (p, c) => {
      const list = etAlList(p.lookup.canonical);
      if (!list) return;
      if (isComputed(ctx.src, p)) return;
      const found = etAlIn(p.value);
      if (!found) return;
      const display = DISPLAY[list];
      const fixes: Fix[] = [];
      // the value as written equals p.value here (no comments, trimmed), so offsets carry over
      if (!c.get(display) && ctx.src.slice(p.valueStart, p.valueEnd) === p.value) {
        const rest = found.rest.trim();
        const edits: TextEdit[] = [];
        edits.push(rest === '' ? removeParamEdit(p.node) : { start: p.valueStart, end: p.valueEnd, newText: rest });
        // after the last name of the list (insertParam only reads the citation's parameters and template)
        const names = c.params.filter((q) => q.lookup.known && etAlList(q.lookup.canonical) === list && (rest !== '' || q !== p));
        const add = insertParam(ctx.src, { params: names.length ? names : c.params.filter((q) => q !== p), template: c.template } as unknown as typeof c, [], display, 'etal');
        edits.push(add);
        // the two edits may touch but not overlap; removing a whole name (|author2=et al.) can leave a gap in the
        // numbering (CS1's "Missing |author2="): a suggestion then
        const apart = edits[0].end <= add.start || add.end <= edits[0].start;
        fixes.push({ title: `Remove "${p.value.slice(found.index, found.index + found.length).trim()}" and add |${display}=etal`, edits, safe: apart && rest !== '' });
      }
      ctx.report({
        start: p.valueStart + found.index,
        end: p.valueStart + Math.min(found.index + found.length, p.value.length),
        messageId: 'etAl', data: { param: p.name, display },
        fixes,
      });
    });
  },
};
