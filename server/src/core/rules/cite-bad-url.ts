import type { Rule } from '../lint/types';
import { urlErrorCached } from '../cs1/urls';
import { forEachKnownParam, isComputed } from './shared/citationParams';

const URL_PARAMS = new Set(['url', 'archive-url', 'chapter-url', 'map-url', 'transcript-url', 'conference-url', 'lay-url']);

/** `err_bad_url`: a URL CS1 rejects (spaces, a bad scheme or host). */
export const citeBadUrl: Rule = {
  id: 'cite-bad-url',
  defaultSeverity: 'error',
  description: 'A URL parameter CS1 rejects: whitespace, a missing or malformed scheme, an invalid host.',
  wikipedia: 'err_bad_url',
  category: 'cs1',
  languages: 'en',
  fixable: 'suggestion',
  messages: {
    badUrl: 'Check |{{param}}= value: {{reason}}',
  },
  check(ctx) {
    forEachKnownParam(ctx, (p) => {
      if (!URL_PARAMS.has(p.lookup.canonical)) return;
      if (isComputed(ctx.src, p)) return; // a template computes it
      const reason = urlErrorCached(p.value);
      if (!reason) return;
      const fixes = [];
      if (/^www\./i.test(p.value)) fixes.push({ title: 'Add https://', edits: [{ start: p.valueStart, end: p.valueStart, newText: 'https://' }], safe: false });
      ctx.report({ start: p.valueStart, end: p.valueEnd, messageId: 'badUrl', data: { param: p.name, reason }, fixes });
    });
  },
};
