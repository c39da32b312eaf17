/**
 * Builds a wiki's citation profile (`CitationProfile`, core/profile.ts) from the wiki's own data, starting from a
 * small declarative map kept in the repository (`server/data/citation-profiles/<site>.json`: which local template
 * is which CS1 type, reference-list templates, rule defaults, date formats — what no API says):
 *
 * - `meta=siteinfo`: the content language;
 * - `prop=redirects` (all continuations) of each mapped `Template:` page: every redirect is a template name too;
 *   a mapped template the wiki does not have is left out, with a note;
 * - `action=templatedata` (`redirects=1`, `lang` = content language) of each citation template: each parameter
 *   and its `aliases` → CS1's canonical name (a key or alias CS1 knows maps to its canonical name; other keys map
 *   through the map's `templateParameters`/`parameters`); what maps to nothing is the template's own parameter;
 * - `meta=allmessages` with `amlang` = content language: month names, genitive forms, abbreviations;
 * - `action=expandtemplates` of `{{formatnum:0123456789|NOSEP}}`: the wiki's own digits, when not ASCII;
 * - `prop=revisions` of `Module:Citation/CS1/Configuration`, read as data (cs1Configuration.ts, nothing runs): the
 *   local aliases of its `aliases` table (wiki-wide parameter names, enumerated ones with `#`) and the local words of
 *   its `keywords` table (`values`). The map wins over it; it fills in what the map and TemplateData do not say.
 *
 * Everything goes through `WikiClient` (User-Agent, one request at a time per site, maxlag, retries); errors
 * name the site. The result is checked by `parseCitationProfile` and cached at
 * `<cacheDir>/profiles/<site>.citations.json` (see `citationProfileCacheFile`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CitationProfile } from '../core/profile';
import { parseCitationProfile } from '../core/citationProfile';
import { ruleIds } from '../core/rules';
import { enumeratedName, lookupParameter, normaliseTemplateName } from '../core/cs1/parameters';
import { WikiClient } from './client';
import { readPage } from './pages';
import { configurationFacts } from './cs1Configuration';
import { WikiError, printable } from './errors';
export { printable } from './errors';
import { citationProfileCacheFile, readProfileJson, PROFILE_SIZE_CAP } from './citationProfileCache';
export { citationProfileCacheFile, autoCitationProfileFile, siteCacheName } from './citationProfileCache';

const MONTHS = ['january', 'february', 'march', 'april', 'may_long', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTHS_GEN = MONTHS.map((m) => `${m.replace('_long', '')}-gen`);
const MONTHS_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ASCII_DIGITS = '0123456789';
/** Titles per request (the API's limit for ordinary users). */
const BATCH = 50;
/** Continuations of one prop=redirects query: 200 × 500 redirects is far more than any template has; a wiki that asks for more is looping. */
const MAX_CONTINUATIONS = 200;


/**
 * The declarative map shipped for a site (`server/data/citation-profiles/<site>.json`), or undefined. The maps are
 * bundled into the CLI and server (esbuild includes every file the pattern can match).
 */
export function builtInCitationMap(site: string): { map: CitationProfile; source: string } | undefined {
  const name = site.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*$/.test(name)) return undefined;
  let json: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    json = require(`../../data/citation-profiles/${name}.json`);
  } catch {
    return undefined;
  }
  const source = `server/data/citation-profiles/${name}.json`;
  return { map: parseCitationProfile(JSON.parse(JSON.stringify(json)), source, ruleIds), source };
}

/** Reads a declarative map (or any citation profile) from a file. */
export function readCitationMap(file: string): CitationProfile {
  return readProfileJson(file, 'map');
}

export interface BuildOptions {
  /** Where the map came from, for `provenance` (a file name). */
  mapSource?: string;
  /** The build time (tests). */
  now?: Date;
}

export interface BuildResult {
  profile: CitationProfile;
  /** Things the user should know (a mapped template the wiki does not have, a template without TemplateData). */
  notes: string[];
  /** API requests made. */
  requests: number;
}

/** The template's name without its namespace (`Vorlage:Internetquelle` → `Internetquelle`). */
function withoutNamespace(title: string): string {
  const i = title.indexOf(':');
  return i >= 0 ? title.slice(i + 1) : title;
}

/** `Template:` + name with the first letter as MediaWiki normalises it is left to the wiki (it answers `normalized`). */
function templateTitle(name: string): string {
  return `Template:${name.trim()}`;
}

interface Resolved {
  /** Mapped name (as in the map) → the page's name on the wiki (a mapped redirect resolves to its target). */
  page: Map<string, string>;
  /** The page's name → its redirects' names. */
  redirects: Map<string, string[]>;
  missing: string[];
}

/** Redirects to each mapped template (`prop=redirects`, every continuation), resolving mapped names that are redirects. */
async function resolveTemplates(client: WikiClient, names: string[]): Promise<Resolved> {
  const out: Resolved = { page: new Map(), redirects: new Map(), missing: [] };
  for (let i = 0; i < names.length; i += BATCH) {
    const batch = names.slice(i, i + BATCH);
    const titleOf = new Map<string, string>(); // title as sent → mapped name
    for (const n of batch) titleOf.set(templateTitle(n), n);
    let cont: Record<string, string> | undefined = {};
    const resolvedTo = new Map<string, string>(); // title as sent → final page title
    const seen = new Map<string, Set<string>>(); // page title → its redirects so far (the lists can be long)
    for (let requests = 0; cont; requests++) {
      if (requests >= MAX_CONTINUATIONS) throw new WikiError('api', client.site.name, undefined, `prop=redirects still asked to continue after ${MAX_CONTINUATIONS} requests; stopped (a wiki that never stops continuing)`);
      const data: any = await client.get({ action: 'query', prop: 'redirects', titles: [...titleOf.keys()], redirects: true, rdlimit: 'max', rdprop: 'title', rdnamespace: '10', ...cont }, { page: batch.length === 1 ? templateTitle(batch[0]) : undefined });
      const q = data?.query ?? {};
      if (!resolvedTo.size) {
        const norm = new Map<string, string>();
        for (const n of q.normalized ?? []) norm.set(n.from, n.to);
        const redir = new Map<string, string>();
        for (const r of q.redirects ?? []) redir.set(r.from, r.to);
        for (const sent of titleOf.keys()) {
          const n = norm.get(sent) ?? sent;
          resolvedTo.set(sent, redir.get(n) ?? n);
        }
      }
      for (const p of q.pages ?? []) {
        if (p.missing || p.invalid) continue;
        const list = out.redirects.get(p.title) ?? [];
        let has = seen.get(p.title);
        if (!has) seen.set(p.title, (has = new Set(list)));
        for (const r of Array.isArray(p.redirects) ? p.redirects : []) {
          if (typeof r?.title === 'string' && !has.has(r.title)) {
            has.add(r.title);
            list.push(r.title);
          }
        }
        out.redirects.set(p.title, list);
      }
      // only continuation parameters go back (a hostile answer must not replace the action or the titles)
      cont = undefined;
      if (data?.continue && typeof data.continue === 'object') {
        for (const [k, v] of Object.entries(data.continue)) if (/continue$/.test(k) && typeof v === 'string') (cont ??= {})[k] = v;
      }
    }
    for (const [sent, name] of titleOf) {
      const final = resolvedTo.get(sent)!;
      if (out.redirects.has(final)) out.page.set(name, final);
      else out.missing.push(name);
    }
  }
  return out;
}

interface TemplateDataParam {
  aliases?: string[];
}

/** TemplateData of each page (by its title on the wiki); pages without any are absent. */
async function templateData(client: WikiClient, titles: string[], lang: string): Promise<Map<string, Record<string, TemplateDataParam>>> {
  const out = new Map<string, Record<string, TemplateDataParam>>();
  for (let i = 0; i < titles.length; i += BATCH) {
    const batch = titles.slice(i, i + BATCH);
    const data: any = await client.get({ action: 'templatedata', titles: batch, redirects: true, lang }, { page: batch.length === 1 ? batch[0] : undefined });
    const pages = data?.pages ?? {};
    for (const p of Object.values(pages) as any[]) {
      if (!p || typeof p.title !== 'string' || p.missing || p.notemplatedata || !p.params || typeof p.params !== 'object') continue;
      out.set(p.title, p.params);
    }
  }
  return out;
}

/** The CS1 canonical name for a name CS1 knows (`accessdate` → `access-date`), else undefined. */
function cs1Canonical(name: string): string | undefined {
  const l = lookupParameter(name);
  return l.known ? l.canonical : undefined;
}

/**
 * One template's TemplateData → its parameter map (local name → CS1 canonical) and its own parameters. A key or
 * alias CS1 knows gives the target; else the map's entry for the key or an alias; else it is the template's own.
 */
export function mapTemplateParameters(params: Record<string, TemplateDataParam>, known: (name: string) => string | undefined): { map: Record<string, string>; own: string[] } {
  const map: Record<string, string> = {};
  const own: string[] = [];
  const isOwn = new Set<string>();
  for (const [key, def] of Object.entries(params)) {
    const names = [key, ...(Array.isArray(def?.aliases) ? def.aliases.filter((a): a is string => typeof a === 'string' && a.trim() !== '') : [])];
    let target: string | undefined;
    for (const n of names) if (target === undefined) target = cs1Canonical(n);
    for (const n of names) if (target === undefined) target = known(n);
    for (const n of names) {
      // an own property even for a name like __proto__ (plain assignment would set the prototype)
      if (target !== undefined) Object.defineProperty(map, n, { value: target, enumerable: true, writable: true, configurable: true });
      else if (!isOwn.has(n)) {
        isOwn.add(n);
        own.push(n);
      }
    }
  }
  return { map, own };
}

/** Builds the profile of the client's wiki from a declarative map. Throws WikiError (naming the site) when the wiki cannot be read. */
export async function buildCitationProfile(client: WikiClient, map: CitationProfile, options: BuildOptions = {}): Promise<BuildResult> {
  const site = client.site.name;
  const notes: string[] = [];
  const before = client.requestCount;
  const now = options.now ?? new Date();

  const si: any = await client.get({ action: 'query', meta: 'siteinfo', siprop: 'general' });
  const general = si?.query?.general;
  if (!general) throw new WikiError('api', site, undefined, 'the answer has no site information');
  const lang = String(general.lang ?? map.lang ?? 'en');


  // the mapped templates and their redirects
  const citationNames = Object.keys(map.templates);
  const refNames = Object.keys(map.refTemplates ?? {});
  // looked up per page and per redirect: sets and maps, not list scans (a map of 16,000 templates was quadratic)
  const isCitationName = new Set(citationNames), isRefName = new Set(refNames);
  const resolved = await resolveTemplates(client, [...new Set([...citationNames, ...refNames])]);
  for (const m of resolved.missing) notes.push(`${site}: the map names {{${m}}}, but the wiki has no Template:${m}; left out`);

  // the wiki's own CS1 configuration, where it has one (a wiki without Scribunto or CS1 has none: a note)
  const moduleTitle = 'Module:Citation/CS1/Configuration';
  let moduleFacts: ReturnType<typeof configurationFacts> | undefined;
  try {
    const page = await readPage(client, moduleTitle, { anyContentModel: true });
    moduleFacts = configurationFacts(page.content);
    if (!moduleFacts.found.aliases && !moduleFacts.found.keywords) notes.push(`${site}: ${moduleTitle} has no aliases or keywords table that can be read; not used`);
    if (moduleFacts.truncated) notes.push(`${site}: ${moduleTitle} lists more local names or keywords than are taken (5,000 names, 1,000 words); the rest is left out`);
  } catch (e) {
    // an optional source: a page that is not there or not readable is a note; the network failing stops the build
    if (!(e instanceof WikiError) || !['missing', 'invalid-title', 'permission', 'api', 'special'].includes(e.code)) throw e;
    notes.push(`${site}: no ${moduleTitle} (${e.code === 'missing' ? 'no such page' : printable(e.detail)}); parameter names from TemplateData and the map only`);
  }
  // wiki-wide names: what the map says first (it wins, and fixes spell a parameter with its first local name), then
  // the module's other aliases
  const wikiParameters: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, map.parameters);
  for (const [k, v] of Object.entries(moduleFacts?.parameters ?? {})) if (!Object.prototype.hasOwnProperty.call(wikiParameters, k)) wikiParameters[k] = v;
  // an enumerated TemplateData name (họ1) through the enumerated patterns (họ# → last#)
  const numberedPattern = (n: string): string | undefined => {
    const e = enumeratedName(n);
    return e && Object.prototype.hasOwnProperty.call(wikiParameters, e.pattern) ? wikiParameters[e.pattern].replace('#', e.number) : undefined;
  };

  // names are the wiki's: a redirect may be called __proto__ or constructor (no prototype to collide with)
  const templates: Record<string, string> = Object.create(null);
  const templateParameters: Record<string, Record<string, string>> = Object.create(null);
  const unmappedParameters: Record<string, string[]> = Object.create(null);
  const positionalFlags: Record<string, string[]> = Object.create(null);
  const pagesOf = new Map<string, string>(); // page title → CS1 type
  for (const name of citationNames) {
    const page = resolved.page.get(name);
    if (!page) continue;
    templates[name] = map.templates[name];
    pagesOf.set(page, map.templates[name]);
  }
  // TemplateData of each citation template's page
  const tds = await templateData(client, [...pagesOf.keys()], lang);
  const mapKeys = new Map<string, string>();
  for (const n of citationNames) {
    const page = resolved.page.get(n);
    if (page !== undefined && !mapKeys.has(page)) mapKeys.set(page, n);
  }
  const mapKeyOf = (page: string) => mapKeys.get(page);
  for (const [page, cs1] of pagesOf) {
    const main = withoutNamespace(page);
    const names = [main, ...(resolved.redirects.get(page) ?? []).map(withoutNamespace)];
    const mapKey = mapKeyOf(page)!;
    const handMap = { ...(map.templateParameters?.[mapKey] ?? {}), ...(map.templateParameters?.[main] ?? {}) };
    const known = (n: string) => (Object.prototype.hasOwnProperty.call(handMap, n) ? handMap[n] : Object.prototype.hasOwnProperty.call(wikiParameters, n) && !n.includes('#') ? wikiParameters[n] : numberedPattern(n));
    const td = tds.get(page);
    let params: Record<string, string> | undefined = Object.keys(handMap).length ? { ...handMap } : undefined;
    let own: string[] = [...(map.unmappedParameters?.[mapKey] ?? [])];
    if (td) {
      const r = mapTemplateParameters(td, known);
      params = { ...r.map, ...handMap };
      own = [...new Set([...own, ...r.own.filter((n) => !Object.prototype.hasOwnProperty.call(params, n))])];
    } else notes.push(`${site}: ${page} has no TemplateData; its parameters are mapped by the map's "parameters" only`);
    for (const n of names) {
      // a redirect the map names itself keeps the map's word
      if (!isCitationName.has(n)) templates[n] = cs1;
      if (params) templateParameters[n] = params;
      if (own.length) unmappedParameters[n] = own;
      const flags = map.positionalFlags?.[mapKey] ?? map.positionalFlags?.[main];
      if (flags?.length) positionalFlags[n] = flags;
    }
  }

  // reference-list and ref templates, with their redirects
  let refTemplates: CitationProfile['refTemplates'];
  for (const name of refNames) {
    const page = resolved.page.get(name);
    if (!page) continue;
    const entry = map.refTemplates![name];
    refTemplates ??= Object.create(null) as NonNullable<CitationProfile['refTemplates']>;
    refTemplates[name] = entry;
    for (const r of resolved.redirects.get(page) ?? []) {
      const n = withoutNamespace(r);
      if (!(n in refTemplates) && !isRefName.has(n)) refTemplates[n] = entry;
    }
    const main = withoutNamespace(page);
    if (!(main in refTemplates)) refTemplates[main] = entry;
  }

  // month names in the content language
  const msgs: any = await client.get({ action: 'query', meta: 'allmessages', ammessages: [...MONTHS, ...MONTHS_GEN, ...MONTHS_ABBR], amlang: lang });
  const messages = new Map<string, string>();
  for (const m of msgs?.query?.allmessages ?? []) if (!m.missing && typeof m.content === 'string' && m.content.trim()) messages.set(m.name, m.content.trim());
  const twelve = (keys: string[]) => {
    const list = keys.map((k) => messages.get(k) ?? '');
    return list.every((x) => x) ? list : undefined;
  };
  // the wiki's own digits
  const digitsAnswer: any = await client.get({ action: 'expandtemplates', text: `{{formatnum:${ASCII_DIGITS}|NOSEP}}`, prop: 'wikitext' });
  const digits = String(digitsAnswer?.expandtemplates?.wikitext ?? '').trim();
  const dates = { ...(map.dates ?? {}) };
  // what the map says by hand wins over the wiki's messages
  dates.months ??= twelve(MONTHS);
  dates.genitive ??= twelve(MONTHS_GEN);
  dates.abbreviations ??= twelve(MONTHS_ABBR);
  if (!dates.digits && digits !== ASCII_DIGITS && [...digits].length === 10 && new Set(digits).size === 10 && !/\s/.test(digits)) dates.digits = digits;
  for (const k of ['months', 'genitive', 'abbreviations'] as const) if (dates[k] === undefined) delete dates[k];

  // keyword values: the module's local words, then the map's (the map wins)
  let values: CitationProfile['values'];
  for (const src of [moduleFacts?.values, map.values]) {
    for (const [param, words] of Object.entries(src ?? {})) {
      values ??= Object.create(null) as NonNullable<CitationProfile['values']>;
      values[param] = Object.assign(values[param] ?? Object.create(null), words);
    }
  }

  const api = client.site.api;
  const provenance = [
    ...(map.provenance ?? []),
    `map: ${options.mapSource ?? 'given'}`,
    `built by wikitext-lint profile from ${api} (${general.generator ?? 'MediaWiki'}) on ${now.toISOString()}: ` +
      `meta=siteinfo; prop=redirects of the mapped Template: pages; action=templatedata&lang=${lang}; meta=allmessages&amlang=${lang}; ` +
      'action=expandtemplates of {{formatnum:0123456789|NOSEP}}' +
      (moduleFacts ? `; prop=revisions of ${moduleTitle} (${Object.keys(moduleFacts.parameters).length} local parameter names, ${Object.values(moduleFacts.values).reduce((n, m) => n + Object.keys(m).length, 0)} local keyword values)` : ''),
  ];
  const profile: CitationProfile = {
    site,
    lang,
    builtAt: now.toISOString(),
    provenance,
    templates,
    parameters: { ...wikiParameters },
    ...(Object.keys(templateParameters).length ? { templateParameters } : {}),
    ...(Object.keys(unmappedParameters).length ? { unmappedParameters } : {}),
    ...(Object.keys(positionalFlags).length ? { positionalFlags } : {}),
    ...(map.notCitations?.length ? { notCitations: map.notCitations } : {}),
    ...(refTemplates ? { refTemplates } : {}),
    ...(values ? { values } : {}),
    ...(Object.keys(dates).length ? { dates } : {}),
    ...(map.rules ? { rules: map.rules } : {}),
  };
  // the result must be a valid profile, as every reader checks it, and not larger than the readers read
  const size = Buffer.byteLength(JSON.stringify(profile, null, 2));
  if (size > PROFILE_SIZE_CAP) {
    const names = Object.keys(templates).length;
    const params = Object.values(templateParameters).reduce((n, m) => n + Object.keys(m).length, 0);
    throw new Error(`${site}: the built profile would be ${(size / 1e6).toFixed(1)} MB (${names} template names, ${params} parameter names over them), over the ${PROFILE_SIZE_CAP / 1e6} MB profiles are read up to; not written`);
  }
  return { profile: parseCitationProfile(JSON.parse(JSON.stringify(profile)), `the profile built for ${site}`), notes: notes.map(printable), requests: client.requestCount - before };
}

/** Writes a profile (atomically: a temp file then rename). */
export function writeCitationProfile(file: string, profile: CitationProfile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  // created afresh (O_EXCL): a link planted at the temporary name must not be written through
  fs.rmSync(tmp, { force: true });
  fs.writeFileSync(tmp, JSON.stringify(profile, null, 2) + '\n', { flag: 'wx' });
  fs.renameSync(tmp, file);
}

export { normaliseTemplateName };


export const CITATION_PROFILE_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

export interface CachedBuild {
  /** The cache file (`<cacheDir>/profiles/<site>.citations.json`). */
  file: string;
  profile: CitationProfile;
  /** True when a fresh cached profile was kept (nothing was fetched). */
  kept: boolean;
  notes: string[];
  requests: number;
  /** The site's short name. */
  site: string;
}

function readCachedProfile(file: string): CitationProfile | undefined {
  try {
    return readProfileJson(file, 'profile'); // a regular file only: a FIFO in the cache must not block
  } catch {
    return undefined;
  }
}

/**
 * `wikitext-lint profile` and the editor's "Build Citation Profile": the cached profile of a site when younger than a
 * week (unless `refresh` or a map file is given), else built from the map (the given file, the site's own, else the
 * one of its content language's Wikipedia) and cached. Throws an Error naming the site.
 */
export async function buildAndCacheCitationProfile(client: WikiClient, options: { refresh?: boolean; mapFile?: string; cacheDir?: string; now?: Date } = {}): Promise<CachedBuild> {
  const name = client.site.name;
  const file = citationProfileCacheFile(name, options.cacheDir);
  const before = client.requestCount;
  const now = options.now ?? new Date();
  const cached = !options.refresh && !options.mapFile ? readCachedProfile(file) : undefined;
  if (cached?.builtAt && now.getTime() - Date.parse(cached.builtAt) < CITATION_PROFILE_MAX_AGE_MS) {
    return { file, profile: cached, kept: true, notes: [], requests: 0, site: name };
  }
  const notes: string[] = [];
  let map: { map: CitationProfile; source: string } | undefined;
  if (options.mapFile) map = { map: readCitationMap(options.mapFile), source: options.mapFile };
  map ??= builtInCitationMap(name);
  if (!map) {
    // no map for this site: the one of its content language's Wikipedia (a wiki in German → dewiki's map)
    const si: any = await client.get({ action: 'query', meta: 'siteinfo', siprop: 'general' });
    const lang = String(si?.query?.general?.lang ?? '');
    map = lang ? builtInCitationMap(`${lang}.wikipedia.org`) : undefined;
    if (map) notes.push(`no map for ${name}; using the one of ${lang}.wikipedia.org (its content language); --map FILE to give another`);
    else throw new Error(`${name}: no citation map for this wiki${lang ? ` (content language ${lang})` : ''}: write one (see docs/profiles.md) and give it with --map FILE`);
  }
  const built = await buildCitationProfile(client, map.map, { mapSource: map.source, now });
  writeCitationProfile(file, built.profile);
  return { file, profile: built.profile, kept: false, notes: [...notes.map(printable), ...built.notes], requests: client.requestCount - before, site: name };
}

/** One line about a profile: how many template names, parameters, ref templates; months and digits. */
export function describeCitationProfile(profile: CitationProfile): string {
  const t = Object.keys(profile.templates).length;
  const p = Object.values(profile.templateParameters ?? {}).reduce((n, m) => n + Object.keys(m).length, 0);
  return `${t} citation template names, ${p} template parameter names, ${Object.keys(profile.refTemplates ?? {}).length} ref template names` +
    `${profile.dates?.months ? ', month names' : ''}${profile.dates?.digits ? ', local digits' : ''}`;
}
