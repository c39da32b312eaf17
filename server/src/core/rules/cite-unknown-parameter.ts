import type { Rule, Fix } from '../lint/types';
import { isParameterAcceptedBy, lookupParameter, suggestParameter } from '../cs1/parameters';
import { citationNames, type Citation, type CitationParam } from '../citations';
import { editDistance } from '../text';
import { isDeadUrlName, paramNameRange, removeParamEdit, valueProblemFor } from './shared/citeShared';

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
  languages: 'en',
  fixable: 'safe',
  messages: {
    unknown: 'Unknown parameter |{{param}}={{where}}; it is ignored{{suggestion}}{{empty}}',
    strayPipe: 'Empty parameter (a stray "|"); CS1 reports it as an empty unknown parameter',
    textIgnored: 'Text "{{text}}" ignored: a parameter name and "=" are missing',
  },
  check(ctx) {
    for (const c of ctx.citations) {
      for (const p of c.params) {
        if (isDeadUrlName(p.name)) continue;
        // a local alias of |deadurl= (a citation profile's `мертвий-url` → `deadurl`) is that parameter too
        if (p.lookup.name !== p.name && isDeadUrlName(p.lookup.name)) continue;
        // the name CS1 sees: as written, or what a citation profile maps a local name to (`titel` → `title`)
        if (isParameterAcceptedBy(p.lookup.name, c.info.citationClass)) continue;
        const known = p.lookup.known;
        // a local template's own names first (dewiki's {{Internetquelle|sprahce=}} → |sprache=), then CS1's
        const own = known || !ctx.citationProfile ? undefined : citationNames(ctx.citationProfile).ownParameters(c.template.name);
        const local = own ? closestOwnName(own, p.name) : undefined;
        const suggestion = known ? undefined : local ?? suggestParameter(p.name);
        const r = paramNameRange(ctx.src, p.node);
        const fixes: Fix[] = [];
        if (suggestion) fixes.push(...renameFixes(ctx, c, p, suggestion, r, local ? own![local] : suggestion));
        if (p.value === '' && !fixes.some((f) => f.title.startsWith('Remove'))) {
          fixes.push({ title: `Remove the empty |${p.name}=`, edits: [removeParamEdit(p.node)], safe: !suggestion });
        }
        const where = known ? ` is not supported by {{${c.info.name}}}` : ' is not a CS1 parameter';
        ctx.report({
          start: r.start,
          end: r.end,
          messageId: 'unknown',
          // the optional parts as data: ' is not supported by {{cite x}}' / ' is not a CS1 parameter', ' (did you mean |x=?)', ' (and empty)'
          data: { param: p.name, where, suggestion: suggestion ? ` (did you mean |${suggestion}=?)` : '', empty: p.value === '' ? ' (and empty)' : '' },
          fixes,
        });
      }
      for (const p of c.positional) {
        const text = ctx.src.slice(p.valueNode.start, p.valueNode.end).trim();
        if (!text) {
          // a stray "||": CS1's empty unknown parameter
          ctx.report({ start: p.start, end: p.start + 1, messageId: 'strayPipe', fixes: [{ title: 'Remove the stray "|"', edits: [{ start: p.start, end: p.end, newText: p.end - p.start > 1 && /\n/.test(ctx.src.slice(p.start, p.end)) ? ctx.src.slice(p.start + 1, p.end).replace(/[^\n]/g, '') : '' }], safe: true }] });
          continue;
        }
        const r = paramNameRange(ctx.src, p);
        ctx.report({ start: r.start, end: r.end, messageId: 'textIgnored', data: { text: text.length > 40 ? text.slice(0, 37) + '...' : text } });
      }
    }
  },
};

/**
 * The fixes renaming an unknown parameter to the suggested one. The value goes through CS1's own value map for a
 * removed parameter (last-author-amp=yes → name-list-style=amp, subscription=yes → url-access=subscription; a value
 * that maps to nothing is removed). The rename is safe only when it cannot produce a citation CS1 flags: the
 * target is not given already (under any alias), the template accepts it, the removed name has no note saying the
 * value must be reworked (coauthors, month), and the value is one the target accepts.
 */
function renameFixes(ctx: Parameters<Rule['check']>[0], c: Citation, p: CitationParam, suggestion: string, r: { start: number; end: number }, meaning = suggestion): Fix[] {
  const lookup = p.lookup.known ? undefined : p.lookup.removed;
  // `meaning`: the CS1 parameter the suggested name is (a local template's own name maps to one)
  const target = lookupParameter(meaning);
  if (!target.known) return [];
  const map = lookup?.valueMap;
  let value = p.value;
  if (map) {
    const key = p.value.toLowerCase();
    if (!(key in map)) {
      return [{ title: `Change to |${suggestion}= (then give it a value it accepts)`, edits: [{ start: r.start, end: r.end, newText: suggestion }], safe: false }];
    }
    const mapped = map[key];
    if (mapped === null) return [{ title: `Remove |${p.name}=${p.value} (it has no effect)`, edits: [removeParamEdit(p.node)], safe: true }];
    value = mapped;
  }
  const taken = c.params.some((q) => q !== p && q.lookup.known && q.lookup.metaKey === target.metaKey && q.value !== '');
  const edits = [{ start: r.start, end: r.end, newText: suggestion }];
  if (value !== p.value) edits.push({ start: p.valueStart, end: p.valueEnd, newText: value });
  const problem = valueProblemFor(target.canonical, value, ctx.today, ctx.citationProfile?.dates);
  const safe = !taken && !lookup?.note && isParameterAcceptedBy(meaning, c.info.citationClass) && !problem && !/\{\{|<!--/.test(ctx.src.slice(p.valueStart, p.valueEnd));
  return [{ title: value !== p.value ? `Change to |${suggestion}=${value}` : `Change to |${suggestion}=`, edits, safe }];
}

/**
 * The closest of a local template's own parameter names (its TemplateData names in the citation profile) to a
 * misspelt one, with CS1's limits (inputs of 3 to 20 characters, distance at most 2 and at most half the name);
 * none when two names of different meaning are equally close.
 */
function closestOwnName(own: Record<string, string>, name: string): string | undefined {
  if (name.length > 20 || name.length < 3) return undefined;
  const written = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const local of Object.keys(own)) {
    const limit = Math.min(2, Math.max(1, Math.floor(local.length / 2)));
    const d = editDistance(written, local.toLowerCase(), Math.min(limit, bestDistance));
    if (d > limit || d > bestDistance) continue;
    if (d < bestDistance) {
      best = local;
      bestDistance = d;
      tied = false;
    } else if (own[local] !== own[best!]) tied = true;
  }
  return tied ? undefined : best;
}
