/**
 * The CLI's wiki side: `--site` profiles and `--page` (or page URL) linting. Pages are read from the wiki's
 * API (read-only: nothing is ever published), then linted exactly like files; a result names the page by the
 * permalink of the revision linted, and carries `page` (site, title, revision) for the JSON output.
 */
import { WikiClient, WikiClientOptions } from '../wiki/client';
import { WikiError } from '../wiki/errors';
import { readPage } from '../wiki/pages';
import { loadProfile } from '../wiki/profile';
import { parsePageUrl, resolveSite, normaliseTitle, SiteRef } from '../wiki/site';
import { BUILTIN_PROFILE, type SiteProfile } from '../core/profile';
import type { LintConfig } from '../core/lint/config';
import { FileResult, ProcessOptions, processText } from './processFile';

/** A page named on the command line: with `--page` (site from --site/config) or as a URL. */
export interface PageArg {
  site: string;
  siteRef?: SiteRef;
  title: string;
}

export function isPageUrl(arg: string): boolean {
  return parsePageUrl(arg) !== undefined;
}

export function pageArgs(pages: string[], urls: string[], site: string): PageArg[] {
  const out: PageArg[] = pages.map((p) => parsePageUrl(p) ?? { site, title: normaliseTitle(p) });
  for (const u of urls) out.push(parsePageUrl(u)!);
  return out;
}

/** Client options of the CLI: the defaults, with a shorter back-off so a dead wiki fails in seconds. */
const CLIENT_OPTIONS: WikiClientOptions = { backoffMs: 500, timeoutMs: Number(process.env.WIKITEXT_LINT_TIMEOUT_MS) || 30_000 };

/** Clients and profiles per site, shared by the pages and files of one run. */
export class WikiSession {
  private clients = new Map<string, Promise<WikiClient>>();
  private profiles = new Map<string, Promise<SiteProfile>>();
  readonly notes: string[] = [];
  /** Profile fetch times (ms), for --timing style notes and tests. */
  readonly fetchTimes: number[] = [];

  constructor(private readonly refresh: boolean) {}

  client(site: string, ref?: SiteRef): Promise<WikiClient> {
    const key = ref?.api ?? site;
    let c = this.clients.get(key);
    if (!c) {
      c = ref ? Promise.resolve(new WikiClient(ref, CLIENT_OPTIONS)) : resolveSite(site).then((r) => new WikiClient(r, CLIENT_OPTIONS));
      this.clients.set(key, c);
    }
    return c;
  }

  /** The site's profile (built-in, cached or fetched); throws WikiError when there is none to be had. */
  profile(site: string, ref?: SiteRef): Promise<SiteProfile> {
    const key = ref?.api ?? site;
    let p = this.profiles.get(key);
    if (!p) {
      p = this.client(site, ref).then(async (client) => {
        const loaded = await loadProfile(client, { refresh: this.refresh });
        if (loaded.note) this.notes.push(loaded.note);
        if (loaded.fetchMs !== undefined) this.fetchTimes.push(loaded.fetchMs);
        return loaded.profile;
      });
      this.profiles.set(key, p);
    }
    return p;
  }
}

/** The permalink of a revision (or of the page when there is none). */
function permalink(api: string, title: string, revid?: number): string {
  const index = api.replace(/api\.php$/, 'index.php');
  return `${index}?title=${encodeURIComponent(title.replace(/ /g, '_')).replace(/%3A/gi, ':').replace(/%2F/gi, '/')}${revid ? `&oldid=${revid}` : ''}`;
}

/**
 * Reads and processes each page in order. A page that cannot be read (or whose site cannot be reached) gets an
 * error naming site and page; the others are still linted. `output` receives the fixed text with --fix.
 */
export async function processPages(pages: PageArg[], options: ProcessOptions, config: LintConfig | undefined, session: WikiSession, section: number | undefined, output: (fixed: string) => void): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const p of pages) {
    const result: FileResult = { path: `${p.site}: ${p.title}`, diagnostics: [] };
    results.push(result);
    try {
      const client = await session.client(p.site, p.siteRef);
      result.path = permalink(client.site.api, p.title);
      let profile: SiteProfile = BUILTIN_PROFILE;
      try {
        profile = await session.profile(p.site, p.siteRef);
      } catch (e) {
        // the page read below says what is wrong with the site; if it works, lint with the built-in profile
        session.notes.push(`${client.site.name}: no site profile (${e instanceof WikiError ? e.detail : String(e)}); using the built-in English Wikipedia profile`);
      }
      const page = await readPage(client, p.title, { section });
      result.path = permalink(client.site.api, page.title, page.revid);
      result.page = { site: page.site, title: page.title, revid: page.revid, timestamp: page.timestamp, ...(page.redirectedFrom ? { redirectedFrom: page.redirectedFrom } : {}), ...(section !== undefined ? { section } : {}) };
      processText(result, page.content, options, config, profile, (fixed) => {
        result.fixedText = fixed;
        output(fixed);
      });
      if (options.mode === 'fix' && result.fixedText === undefined) output(page.content);
    } catch (e) {
      result.error = e instanceof Error ? e.message : String(e);
    }
  }
  return results;
}
