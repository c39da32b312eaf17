/** What the link-* rules share: the page's link targets (computed once per lint) and "is it marked dead". */
import type { RuleContext } from '../lint/types';
import type { Citation } from '../citations';
import { linkTargets, LinkTarget } from './select';
import type { LinkInfo } from './types';

const targetsByCitations = new WeakMap<readonly Citation[], LinkTarget[]>();

/** The checked link targets of the page with their results (none when links were not checked). */
export function checkedTargets(ctx: RuleContext): { target: LinkTarget; info: LinkInfo }[] {
  const links = ctx.links;
  if (!links) return [];
  let targets = targetsByCitations.get(ctx.citations);
  if (!targets) {
    targets = linkTargets(ctx.src, ctx.model, ctx.citations, { allExternalLinks: true });
    targetsByCitations.set(ctx.citations, targets);
  }
  const out: { target: LinkTarget; info: LinkInfo }[] = [];
  for (const target of targets) {
    const info = links.get(target.url);
    if (info) out.push({ target, info });
  }
  return out;
}

const MARKED_DEAD = new Set(['dead', 'deviated', 'unfit', 'usurped']);

/** The citation's link is marked dead: |url-status=dead (or deviated, unfit, usurped) or a {{dead link}} in its ref. */
export function markedDead(c: Citation): boolean {
  return MARKED_DEAD.has(c.value('url-status')) || !!c.deadLinkTag;
}

const ARCHIVE_TEMPLATES = /^(?:webarchive|web archive|wayback|waybackdate|cbignore|dead link|deadlink|dead|404|broken link|archive\.is|webcite)$/i;

/** A bare link or `[url text]` whose ref already carries a {{Webarchive}} or a {{dead link}} after it. */
export function refLinkMarked(ctx: RuleContext, t: LinkTarget): boolean {
  if (!t.ref?.content) return false;
  const { end } = t.ref.content;
  for (const tpl of ctx.model.templates) {
    if (tpl.start >= t.end && tpl.end <= end && ARCHIVE_TEMPLATES.test(tpl.name.replace(/_/g, ' ').trim())) return true;
  }
  return false;
}

/** True for the citation's main link parameters (url, chapter-url...), false for archive-url. */
export function isArchiveParam(t: LinkTarget): boolean {
  return t.param?.lookup.known === true && t.param.lookup.canonical === 'archive-url';
}

/** "checked 2026-11-28" from an ISO date-time. */
export function checkedOn(info: LinkInfo): string {
  return `checked ${info.checkedAt.slice(0, 10)}`;
}
