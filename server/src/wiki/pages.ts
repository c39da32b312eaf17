/**
 * Reading a page's current revision. Read-only: nothing in this layer writes to a wiki.
 */
import { WikiClient } from './client';
import { WikiError } from './errors';
import { normaliseTitle } from './site';

export interface WikiPage {
  /** The site's short name (`en.wikipedia.org`, `127.0.0.1:8080`). */
  site: string;
  /** The title as the wiki spells it (after normalisation and redirects). */
  title: string;
  /** The title as asked for (normalised text form). */
  requested: string;
  /** The redirect followed to get here, if any. */
  redirectedFrom?: string;
  pageid: number;
  ns: number;
  revid: number;
  /** The revision's timestamp, ISO 8601 (`basetimestamp` for a later edit). */
  timestamp: string;
  contentmodel: string;
  content: string;
  /** The section read, when one was asked for. */
  section?: number;
  /** When the content was read (`starttimestamp` for a later edit). */
  fetchedAt: string;
}

export interface ReadOptions {
  /** Follow a redirect to its target (default true); otherwise reading a redirect is an error. */
  redirects?: boolean;
  /** Read only this section (0 = the lead). */
  section?: number;
  /** Accept content models other than wikitext (default: they are an error). */
  anyContentModel?: boolean;
}

/** Reads the current revision of a page. Throws a WikiError naming the site and page for every failure. */
export async function readPage(client: WikiClient, titleInput: string, options: ReadOptions = {}): Promise<WikiPage> {
  const requested = normaliseTitle(titleInput);
  const site = client.site.name;
  if (!requested) throw new WikiError('invalid-title', site, titleInput, 'empty title');
  const follow = options.redirects !== false;
  const fetchedAt = new Date().toISOString();
  const data = await client.get({
    action: 'query',
    prop: ['info', 'revisions'],
    rvprop: ['ids', 'timestamp', 'content', 'contentmodel'],
    rvslots: 'main',
    rvsection: options.section,
    titles: requested,
    redirects: follow,
  }, { page: requested });
  const q = data?.query;
  const p = q?.pages?.[0];
  if (!p) throw new WikiError('api', site, requested, 'the answer has no page');
  const title: string = p.title ?? requested;
  if (p.invalid) throw new WikiError('invalid-title', site, requested, `not a valid title${p.invalidreason ? `: ${p.invalidreason}` : ''}`);
  if (p.special) throw new WikiError('special', site, title, 'a special page has no wikitext');
  if (p.missing) throw new WikiError('missing', site, title, 'no such page');
  if (p.interwiki || q?.interwiki) throw new WikiError('invalid-title', site, requested, 'an interwiki title (a page on another wiki)');
  if (p.redirect && !follow) throw new WikiError('redirect', site, title, 'is a redirect (follow redirects to read its target)');
  const rev = p.revisions?.[0];
  if (!rev) throw new WikiError('permission', site, title, 'no revision could be read (deleted or hidden?)');
  const slot = rev.slots?.main ?? rev;
  if (slot.nosuchsection) throw new WikiError('no-section', site, title, `has no section ${options.section}`);
  if (slot.texthidden) throw new WikiError('permission', site, title, 'the revision text is hidden');
  const contentmodel: string = slot.contentmodel ?? p.contentmodel ?? 'wikitext';
  if (contentmodel !== 'wikitext' && !options.anyContentModel) {
    throw new WikiError('content-model', site, title, `content model is "${contentmodel}", not wikitext: only wikitext is linted`);
  }
  const redirect = (q?.redirects as { from: string; to: string }[] | undefined)?.[0];
  return {
    site,
    title,
    requested,
    redirectedFrom: redirect?.from,
    pageid: p.pageid,
    ns: p.ns,
    revid: rev.revid,
    timestamp: rev.timestamp,
    contentmodel,
    content: typeof slot.content === 'string' ? slot.content : '',
    section: options.section,
    fetchedAt,
  };
}
