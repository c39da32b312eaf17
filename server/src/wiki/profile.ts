/**
 * A wiki's own description of its syntax (`meta=siteinfo` + `meta=allmessages`, one request), turned into a
 * `SiteProfile` for the core, and cached on disk per site for a week.
 *
 * Cache: `<cacheDir>/profiles/<site>.json` (see `server/src/cacheDir.ts`). A fresh entry is used without a
 * request; `refresh` fetches anyway; when the fetch fails for network reasons a stale entry is used with a note.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SiteProfile, ProfileNamespace, ProfileMagicWord } from '../core/profile';
import { BUILTIN_PROFILE } from '../core/profile';
import { cacheDir } from '../cacheDir';
import { WikiClient } from './client';
import { WikiError } from './errors';

const MONTHS = ['january', 'february', 'march', 'april', 'may_long', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTHS_GEN = MONTHS.map((m) => `${m.replace('_long', '')}-gen`);
const MONTHS_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Turns the API answer (formatversion=2) into a profile. Pure. */
export function profileFromSiteinfo(site: string, query: any, fetchedAt = new Date().toISOString()): SiteProfile {
  const general = query?.general ?? {};
  const aliasesById = new Map<number, string[]>();
  for (const a of query?.namespacealiases ?? []) {
    const list = aliasesById.get(a.id) ?? [];
    list.push(String(a.alias));
    aliasesById.set(a.id, list);
  }
  const namespaces: ProfileNamespace[] = Object.values(query?.namespaces ?? {}).map((n: any) => ({
    id: Number(n.id),
    name: String(n.name ?? ''),
    ...(n.canonical ? { canonical: String(n.canonical) } : {}),
    aliases: aliasesById.get(Number(n.id)) ?? [],
    case: n.case === 'case-sensitive' ? 'case-sensitive' : 'first-letter',
  }));
  const magicWords: ProfileMagicWord[] = (query?.magicwords ?? []).map((m: any) => ({
    name: String(m.name),
    aliases: (m.aliases ?? []).map(String),
    caseSensitive: m['case-sensitive'] === true,
  }));
  const messages = new Map<string, string>();
  for (const m of query?.allmessages ?? []) if (!m.missing && typeof m.content === 'string') messages.set(m.name, m.content);
  const month = (keys: string[]) => keys.map((k) => messages.get(k) ?? '');
  const interwiki = (query?.interwikimap ?? []) as { prefix: string; language?: string; local?: boolean }[];
  const base = articleBaseOf(general.server, general.articlepath);
  return {
    site,
    ...(base ? { articleBase: base } : {}),
    fetchedAt,
    generator: general.generator,
    lang: general.lang,
    case: general.case === 'case-sensitive' ? 'case-sensitive' : 'first-letter',
    namespaces,
    magicWords,
    functionHooks: (query?.functionhooks ?? []).map(String),
    extensionTags: (query?.extensiontags ?? []).map((t: string) => String(t).replace(/^<|>$/g, '').toLowerCase()),
    protocols: (query?.protocols ?? []).map(String),
    interwiki: interwiki.map((i) => String(i.prefix).toLowerCase()),
    languageLinks: interwiki.filter((i) => i.language).map((i) => String(i.prefix).toLowerCase()),
    months: messages.size ? { names: month(MONTHS), genitive: month(MONTHS_GEN), abbreviations: month(MONTHS_ABBR) } : undefined,
  };
}

/** `//de.wikipedia.org` + `/wiki/$1` → `https://de.wikipedia.org/wiki/`; undefined unless an http(s) URL ending in the title. */
function articleBaseOf(server: unknown, articlepath: unknown): string | undefined {
  if (typeof server !== 'string' || typeof articlepath !== 'string' || !articlepath.endsWith('$1')) return undefined;
  const url = (server.startsWith('//') ? 'https:' : '') + server + articlepath.slice(0, -2);
  return /^https?:\/\/[^\s<>()]+$/.test(url) ? url : undefined;
}

/** Reads a wiki's profile (one request). */
export async function fetchProfile(client: WikiClient): Promise<SiteProfile> {
  const data = await client.get({
    action: 'query',
    meta: ['siteinfo', 'allmessages'],
    siprop: ['general', 'namespaces', 'namespacealiases', 'magicwords', 'extensiontags', 'protocols', 'functionhooks', 'interwikimap'],
    ammessages: [...MONTHS, ...MONTHS_GEN, ...MONTHS_ABBR],
    uselang: 'content',
  });
  if (!data?.query?.general) throw new WikiError('api', client.site.name, undefined, 'the answer has no site information');
  return profileFromSiteinfo(client.site.name, data.query);
}

export const PROFILE_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

export interface LoadedProfile {
  profile: SiteProfile;
  source: 'built-in' | 'cache' | 'fetched' | 'stale-cache' | 'offline';
  /** For the user when something was unusual (a stale cache used because the wiki could not be reached). */
  note?: string;
  /** Milliseconds spent fetching, when fetched. */
  fetchMs?: number;
}

function cacheFile(site: string, dir = cacheDir()): string {
  return path.join(dir, 'profiles', `${site.replace(/[^A-Za-z0-9.-]+/g, '_')}.json`);
}

function readCache(file: string): SiteProfile | undefined {
  try {
    const p = JSON.parse(fs.readFileSync(file, 'utf8'));
    return p && typeof p === 'object' && typeof p.site === 'string' && typeof p.fetchedAt === 'string' ? p : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(file: string, profile: SiteProfile): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(profile));
    fs.renameSync(tmp, file);
  } catch {
    /* a cache that cannot be written only costs a fetch next time */
  }
}

const WIKIMEDIA_LANGUAGE_HOST = /^([a-z]{2,3}(?:-[a-z0-9]+)*)\.(?:m\.)?(?:wikipedia|wiktionary|wikibooks|wikinews|wikiquote|wikisource|wikiversity|wikivoyage)\.org$/i;

/**
 * What is known of a Wikimedia wiki without asking it: its content language, from the host name
 * (`de.wikipedia.org` → `de`; `simple.` is English). The syntax tables stay the built-in ones, which already
 * accept MediaWiki's File and Category names of the usual languages; the language is what keeps the English-only
 * rules off that wiki's text. Undefined for any other site (its language cannot be told offline).
 */
export function offlineProfile(site: string): SiteProfile | undefined {
  const host = site.trim().toLowerCase();
  if (host === 'simple.wikipedia.org') return { site: host, lang: 'en', articleBase: `https://${host}/wiki/` };
  const m = WIKIMEDIA_LANGUAGE_HOST.exec(host);
  return m && m[1] !== 'www' ? { site: host, lang: m[1], articleBase: `https://${host}/wiki/` } : undefined;
}

/** True when a site name means the built-in profile (English Wikipedia) and nothing needs fetching. */
export function isBuiltinSite(site: string): boolean {
  return /^(en|enwiki|en\.wikipedia\.org|https?:\/\/en\.wikipedia\.org\/?|https:\/\/en\.wikipedia\.org\/w\/api\.php)$/i.test(site.trim());
}

export interface LoadProfileOptions {
  /** Fetch even when the cache is fresh. */
  refresh?: boolean;
  /** Override the cache directory (tests). */
  cacheDir?: string;
  /** Now, for the expiry (tests). */
  now?: number;
  /** Use the fetched profile even for en.wikipedia.org instead of the built-in one. */
  fetchBuiltin?: boolean;
}

/**
 * The profile for a client's site: the built-in one for English Wikipedia, else the cache when fresh, else
 * fetched (and cached); a stale cache when the fetch fails for network reasons. Throws WikiError otherwise.
 */
export async function loadProfile(client: WikiClient, options: LoadProfileOptions = {}): Promise<LoadedProfile> {
  const site = client.site.name;
  if (!options.fetchBuiltin && isBuiltinSite(site)) return { profile: BUILTIN_PROFILE, source: 'built-in' };
  const file = cacheFile(site, options.cacheDir);
  const cached = readCache(file);
  const now = options.now ?? Date.now();
  if (cached && !options.refresh && now - Date.parse(cached.fetchedAt!) < PROFILE_MAX_AGE_MS) return { profile: cached, source: 'cache' };
  const t0 = performance.now();
  try {
    const profile = await fetchProfile(client);
    writeCache(file, profile);
    return { profile, source: 'fetched', fetchMs: performance.now() - t0 };
  } catch (e) {
    const offline = e instanceof WikiError && ['network', 'dns', 'timeout', 'tls', 'maxlag', 'ratelimited', 'http', 'not-json'].includes(e.code);
    if (cached && offline) {
      const days = Math.floor((now - Date.parse(cached.fetchedAt!)) / 86_400_000);
      return { profile: cached, source: 'stale-cache', note: `${site}: using the cached site profile from ${cached.fetchedAt!.slice(0, 10)} (${days} day${days === 1 ? '' : 's'} old): ${(e as WikiError).detail}` };
    }
    const known = offline ? offlineProfile(site) : undefined;
    if (known) {
      // a CI job without network still lints: as that language's wiki, with the built-in syntax tables
      return {
        profile: known,
        source: 'offline',
        note: `${site}: the wiki could not be reached (${(e as WikiError).detail}); linting as a wiki in language "${known.lang}" with the built-in syntax tables (its own namespace aliases and magic words are not known until its site profile is fetched once; it is then cached for a week)`,
      };
    }
    throw e;
  }
}
