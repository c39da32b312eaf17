import type { Rule, Fix } from '../lint/types';
import { citationUrl, insertParam, isMarkedDead, localParamName, todayFor } from './shared/citeShared';

/**
 * Citation classes whose sources are online-first and change: CS1's documentation asks for an access-date on
 * these ("web pages, which may change"); other linked documents need one only when they carry no publication
 * date (CS1: access-date "is not required for linked documents that do not change").
 */
const ONLINE_FIRST = new Set(['web', 'news', 'pressrelease', 'audio-visual', 'podcast', 'mailinglist', 'newsgroup', 'AV-media-notes', 'interview', 'speech', 'episode', 'serial', 'sign']);

/**
 * A citation with a URL and no access-date. Not a Wikipedia error (CS1 never reports a missing access-date);
 * it is this project's policy, because an online source without the date it was read cannot be re-checked.
 */
export const citeMissingAccessDate: Rule = {
  id: 'cite-missing-access-date',
  defaultSeverity: 'warning',
  description: 'A web-type citation (or any undated one) with a |url= and no |access-date= (project policy, not a Wikipedia error).',
  wikipedia: null,
  category: 'policy',
  languages: 'en',
  fixable: 'suggestion',
  messages: {
    missing: 'Citation has |{{param}}= but no |access-date=: add the date the source was read',
    missingDead: 'Citation has |{{param}}= but no |access-date=: add the date the source was read (the link is marked dead: use the date it was last read, not today)',
  },
  options: {
    templates: { type: 'string[]', description: 'Check only these citation templates (lower case, e.g. "cite web"), whatever their type or date.' },
    fixUnchecked: { type: 'boolean', description: 'Make "add today\'s date" a safe fix (applied by --fix) even when the link was not checked alive.', default: false },
  },
  check(ctx) {
    const only = Array.isArray(ctx.options.templates) ? new Set((ctx.options.templates as unknown[]).map((t) => String(t).replace(/[_\s]+/g, ' ').trim().toLowerCase())) : null;
    const fixUnchecked = ctx.options.fixUnchecked === true;
    for (const c of ctx.citations) {
      if (only ? !only.has(c.info.name) : !ONLINE_FIRST.has(c.info.citationClass) && (c.get('date') || c.get('year'))) continue;
      const url = citationUrl(c);
      if (!url || c.get('access-date')) continue;
      const nameRange = { start: url.node.nameNode!.start, end: url.valueEnd };
      const lead = ctx.src.slice(nameRange.start, nameRange.end).length - ctx.src.slice(nameRange.start, nameRange.end).trimStart().length;
      const dead = isMarkedDead(c) || ctx.links?.get(url.value)?.status === 'dead';
      const fixes: Fix[] = [];
      if (!dead) {
        // an access-date given but empty is still missing; replace its value rather than adding a second one
        const empty = c.params.find((p) => p.lookup.known && p.lookup.canonical === 'access-date');
        const date = todayFor(ctx, c);
        // the template's own name for it on this wiki (`abruf` in dewiki's {{Internetquelle}})
        const name = localParamName(ctx.citationProfile, c, 'access-date');
        const hasDates = !!(c.get('date') || c.get('archive-date'));
        const edit = empty
          ? { start: empty.valueStart, end: empty.valueEnd, newText: date }
          : insertParam(ctx.src, c, hasDates ? ['url', 'chapter-url', 'date', 'archive-date', 'archive-url'] : ['url', 'chapter-url'], name, date);
        // today's date is the access-date only if someone read the page today: safe when the link checker saw it alive
        const alive = ctx.links?.get(url.value)?.status === 'alive';
        fixes.push({ title: `Add |${name}=${date}`, edits: [edit], safe: alive || fixUnchecked });
      }
      ctx.report({
        start: nameRange.start + lead,
        end: nameRange.end,
        messageId: dead ? 'missingDead' : 'missing', data: { param: url.name },
        fixes,
      });
    }
  },
};
