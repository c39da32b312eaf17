/**
 * The logic behind the `mediawiki:` file system provider, free of `vscode` so it is tested against a real
 * wiki: which wiki a site name means, one logged-in session per site (credentials from a secret store), the
 * revision each open document is based on, reading, publishing with conflict detection, preview rendering and
 * title search. The network is used only when a caller asks (open, publish, preview, search, log in).
 */
import { WikiClient, WikiClientOptions } from '../../../server/src/wiki/client';
import { WikiError } from '../../../server/src/wiki/errors';
import { readPage, WikiPage } from '../../../server/src/wiki/pages';
import { resolveSite, SiteRef } from '../../../server/src/wiki/site';
import { WikiSession, UserInfo } from '../../../server/src/wiki/session';
import { editPage, EditError, EditResult } from '../../../server/src/wiki/edit';
import { parseWikitext, ParseResult } from '../../../server/src/wiki/parse';
import { prefixSearch, TitleHit } from '../../../server/src/wiki/search';
import { loadProfile } from '../../../server/src/wiki/profile';
import type { CitationProfile, SiteProfile } from '../../../server/src/core/profile';
import { mergeThreeWay } from './merge';
import { PageRef, pageKey } from './uri';

/** The part of VS Code's SecretStorage used here. */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

/** The part of a VS Code Memento used here (site name -> API URL, remembered across sessions). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export type Credentials = { kind: 'botpassword'; name: string; password: string } | { kind: 'oauth'; token: string };

export interface PublishOptions {
  summary: string;
  minor?: boolean;
  watchlist?: 'watch' | 'unwatch' | 'preferences' | 'nochange';
  create?: boolean;
}

/** What a document of the provider is based on. */
export interface OpenState {
  ref: PageRef;
  /** The revision the text is based on (after a conflict: the newer revision the user merges onto). */
  page: WikiPage;
  /** The text as opened (or last published), for Show Changes and the summary of fixes. */
  original: string;
  /** The modification time reported by `stat` (changes on read and publish only, not on a conflict). */
  mtime: number;
  ctime: number;
  size: number;
}

/** Publishing failed because someone else saved first. The user's text is in `mine`; nothing was saved. */
export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(
    readonly ref: PageRef,
    readonly mine: string,
    /** The newer revision now on the wiki (the document's new base). */
    readonly theirs: WikiPage,
    /** The revision the user started from. */
    readonly base: string,
    /** Both changes combined, when they touch different lines. */
    readonly merged: string | undefined,
    override readonly cause: EditError,
  ) {
    super(cause.message);
  }
}

export interface WikiPagesOptions {
  secrets: SecretStore;
  memory: KeyValueStore;
  client?: WikiClientOptions;
  /** Whether the user allowed publishing without logging in on this site (their IP address becomes public). */
  allowAnonymous?: (site: string) => boolean;
  /**
   * The citation profile of a site, if one exists (a `wikitext.citationProfile` setting, or one that
   * `wikitext-lint profile --site` built into the cache): the hook where the profile builder's lookup plugs in.
   */
  citationProfile?: (site: string) => PromiseLike<CitationProfile | undefined>;
  /** The cache directory of site profiles (tests); default the user cache (server/src/cacheDir.ts). */
  cacheDir?: string;
}

/** What the language server needs to lint a site's pages as that wiki does (WIKI_PROFILE_NOTIFICATION). */
export interface WikiProfiles {
  site: string;
  /** The wiki's syntax (namespaces, magic words...); absent for the built-in one (English Wikipedia). */
  profile?: SiteProfile;
  citationProfile?: CitationProfile;
  /** Why there is no profile (the wiki could not be asked): the built-in one is used meanwhile. */
  note?: string;
}

const SITES_KEY = 'wikitext.wiki.sites';
const secretKey = (site: string) => `wikitext.wiki.login/${site}`;
const encoder = new TextEncoder();

export class WikiPages {
  private readonly sessions = new Map<string, Promise<WikiSession>>();
  private readonly states = new Map<string, OpenState>();
  private readonly profileLoads = new Map<string, Promise<WikiProfiles>>();

  constructor(private readonly options: WikiPagesOptions) {}

  /** Remembers the endpoint of a site named by a URL (a wiki outside Wikimedia, a local wiki). */
  async registerSite(ref: SiteRef): Promise<void> {
    const sites = { ...(this.options.memory.get<Record<string, string>>(SITES_KEY) ?? {}) };
    if (sites[ref.name] === ref.api) return;
    sites[ref.name] = ref.api;
    await this.options.memory.update(SITES_KEY, sites);
  }

  /** The endpoint for a site name: remembered, or resolved from the name (`en.wikipedia.org`, `enwiki`, a URL). */
  async resolve(site: string): Promise<SiteRef> {
    const api = this.options.memory.get<Record<string, string>>(SITES_KEY)?.[site];
    if (api) return { api, name: site };
    const ref = await resolveSite(site, this.options.client?.fetch, this.options.client?.userAgent);
    if (ref.name !== site) await this.registerSite({ name: site, api: ref.api });
    return { api: ref.api, name: site };
  }

  /** The session for a site; logs in with stored credentials the first time. */
  session(site: string): Promise<WikiSession> {
    let s = this.sessions.get(site);
    if (!s) {
      s = (async () => {
        const session = new WikiSession(new WikiClient(await this.resolve(site), this.options.client));
        const stored = await this.options.secrets.get(secretKey(site));
        if (stored) {
          try {
            await this.loginWith(session, JSON.parse(stored) as Credentials);
          } catch {
            /* stored credentials no longer work: reading still works; publishing says "log in" */
          }
        }
        return session;
      })();
      s.catch(() => this.sessions.delete(site));
      this.sessions.set(site, s);
    }
    return s;
  }

  private loginWith(session: WikiSession, c: Credentials): Promise<UserInfo> {
    return c.kind === 'oauth' ? session.loginOAuthToken(c.token) : session.loginBotPassword(c.name, c.password);
  }

  /** Logs in and, when that worked, keeps the credentials in the secret store (never in settings or files). */
  async login(site: string, credentials: Credentials): Promise<UserInfo> {
    const session = await this.session(site);
    const user = await this.loginWith(session, credentials);
    await this.options.secrets.store(secretKey(site), JSON.stringify(credentials));
    return user;
  }

  /** Ends the session and forgets the credentials. */
  async logout(site: string): Promise<void> {
    await this.options.secrets.delete(secretKey(site));
    const s = this.sessions.get(site);
    if (s) await (await s.catch(() => undefined))?.logout();
  }

  /** Who is logged in on a site (undefined: anonymous or no session yet). Never touches the network. */
  async userName(site: string): Promise<string | undefined> {
    const s = this.sessions.get(site);
    const session = s && (await s.catch(() => undefined));
    return session?.loggedIn ? session.user?.name : undefined;
  }

  state(ref: PageRef): OpenState | undefined {
    return this.states.get(pageKey(ref));
  }

  /** Reads the page (or section) from the wiki and makes it the document's base. */
  async open(ref: PageRef): Promise<OpenState> {
    const session = await this.session(ref.site);
    const page = await readPage(session.client, ref.title, { section: ref.section });
    const now = Date.now();
    const state: OpenState = { ref, page, original: page.content, mtime: Date.parse(page.timestamp) || now, ctime: now, size: encoder.encode(page.content).length };
    this.states.set(pageKey(ref), state);
    return state;
  }

  /** The document's text: the base already read, or read now. */
  async read(ref: PageRef): Promise<string> {
    return (this.state(ref) ?? (await this.open(ref))).original;
  }

  /**
   * Publishes the text on top of the base revision. On success the published text becomes the new base. On an
   * edit conflict the newer revision is read, becomes the base (so the next publish goes on top of it once the
   * user has merged), and a ConflictError carries both texts and, when possible, a three-way merge.
   */
  async publish(ref: PageRef, text: string, options: PublishOptions): Promise<EditResult> {
    const state = this.state(ref) ?? (await this.open(ref));
    const session = await this.session(ref.site);
    const page = state.page;
    try {
      const r = await editPage(session, {
        title: page.title,
        text,
        summary: options.summary,
        section: ref.section,
        baserevid: page.revid,
        basetimestamp: page.timestamp,
        starttimestamp: page.fetchedAt,
        minor: options.minor,
        watchlist: options.watchlist,
        create: options.create,
        allowAnonymous: this.options.allowAnonymous?.(ref.site) ?? false,
      });
      const now = Date.now();
      state.page = { ...page, revid: r.newrevid, timestamp: r.newtimestamp, content: text, fetchedAt: new Date(now).toISOString() };
      state.original = text;
      state.mtime = Math.max(state.mtime + 1, Date.parse(r.newtimestamp) || now);
      state.size = encoder.encode(text).length;
      return r;
    } catch (e) {
      if (e instanceof EditError && e.kind === 'conflict') {
        const theirs = await readPage(session.client, page.title, { section: ref.section });
        const merged = mergeThreeWay(state.original, text, theirs.content);
        state.page = theirs;
        throw new ConflictError(ref, text, theirs, state.original, merged, e);
      }
      throw e;
    }
  }

  /**
   * The site's profile (`meta=siteinfo`, one request, then the week-long disk cache the CLI shares) and its
   * citation profile when one exists; once per site and session. Never throws: a wiki that cannot be asked
   * gives no profile and a note.
   */
  profiles(site: string): Promise<WikiProfiles> {
    let p = this.profileLoads.get(site);
    if (!p) {
      p = (async () => {
        const out: WikiProfiles = { site };
        try {
          const loaded = await loadProfile((await this.session(site)).client, { cacheDir: this.options.cacheDir });
          if (!loaded.profile.builtIn) out.profile = { ...loaded.profile, site };
          if (loaded.note) out.note = loaded.note;
        } catch (e) {
          out.note = `${site}: no site profile (${e instanceof Error ? e.message : String(e)}); the built-in English one is used`;
          this.profileLoads.delete(site); // ask again next time
        }
        try {
          const c = await this.options.citationProfile?.(site);
          if (c) out.citationProfile = c;
        } catch {
          /* no citation profile: the English-only rules are skipped on a non-English wiki, as without one */
        }
        return out;
      })();
      this.profileLoads.set(site, p);
    }
    return p;
  }

  /** Forgets the profiles read for `site` (every site without one), so the next `profiles` reads them again. */
  forgetProfiles(site?: string): void {
    if (site === undefined) this.profileLoads.clear();
    else this.profileLoads.delete(site);
  }

  /** Renders text as the wiki would (for the preview). */
  async render(ref: PageRef, text: string): Promise<ParseResult> {
    const session = await this.session(ref.site);
    return parseWikitext(session.client, this.state(ref)?.page.title ?? ref.title, text, { section: ref.section });
  }

  /** Title completion. */
  async search(site: string, prefix: string): Promise<TitleHit[]> {
    return prefixSearch((await this.session(site)).client, prefix);
  }

  /** The API endpoint and the wiki's base URL for links, once a session exists. */
  async siteRef(site: string): Promise<SiteRef> {
    return (await this.session(site)).client.site;
  }
}

export { WikiError, EditError };
