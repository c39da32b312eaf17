/**
 * What `"profile": "auto"` (`--profile auto`, the setting `wikitext.citationProfile: "auto"`) means, the same in the
 * CLI, the desktop server and the web server: the profile `wikitext-lint profile --site X` built and cached for the
 * site, if there is one; else the declarative map shipped for that site (server/data/citation-profiles/<site>.json),
 * with a note saying so; else an error saying what to run. The web has no cache: there it is the shipped map or the
 * error. No Node API here (the web-worker server bundles it): the cache is read by the caller's `readCache`.
 *
 * The `require` with a template makes esbuild bundle every file of the maps' folder (a map added there needs no
 * change here); under tsx (tests) it reads the file.
 */
import type { CitationProfile } from '../core/profile';
import { parseCitationProfile } from '../core/citationProfile';
import { ruleIds } from '../core/rules';
import { resolveSiteSync } from './site';

declare const require: (id: string) => unknown;

/** The short name of a site as the user names it (`dewiki` → `de.wikipedia.org`), as the cache files and maps use it. */
export function siteCacheName(site: string): string {
  try {
    return resolveSiteSync(site)?.name ?? site.trim();
  } catch {
    return site.trim();
  }
}

/** The raw map shipped for a site (`fr.wikipedia.org`, or `frwiki`), or undefined when none is shipped. */
export function shippedCitationProfile(site: string): unknown {
  const name = siteCacheName(site).toLowerCase();
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(name)) return undefined;
  try {
    return require(`../../data/citation-profiles/${name}.json`);
  } catch {
    return undefined;
  }
}

/** The repository path of the map shipped for a site (for messages), or undefined when none is shipped. */
export function shippedMapPath(site: string): string | undefined {
  return shippedCitationProfile(site) === undefined ? undefined : `server/data/citation-profiles/${siteCacheName(site).toLowerCase()}.json`;
}

/** A citation profile and where it came from. */
export interface ResolvedCitationProfile {
  profile: CitationProfile;
  /** `file`: a profile file named by the user; `cache`: built by `wikitext-lint profile`; `shipped`: the map in the package. */
  source: 'file' | 'cache' | 'shipped';
  /** The file read (a path, a URI, or the shipped map's repository path). */
  from: string;
  /** For the user, once: which file is used and how to get the full profile (only for the shipped map). */
  note?: string;
}

/** The note shown once when `auto` falls back to the shipped map. */
export function shippedMapNote(site: string, from: string, canBuild: boolean): string {
  const name = siteCacheName(site);
  return canBuild
    ? `citation profile of ${name}: no profile built yet, using the map shipped with wikitext-lint (${from}); \`wikitext-lint profile --site ${name}\` builds the full one from the wiki's TemplateData (redirects, all parameter aliases, month names)`
    : `citation profile of ${name}: using the map shipped with wikitext-lint (${from}); the full profile, built from the wiki's TemplateData by \`wikitext-lint profile --site ${name}\`, needs the desktop editor or the CLI`;
}

/**
 * `auto` for `site`: `readCache(name)` (the built profile's file, and its text unless none is built; absent on
 * the web), else the shipped map, else an Error naming the site and what to run. A broken cached profile is an error
 * (naming its file), never silently replaced by the map.
 */
export function resolveAutoCitationProfile(
  site: string | undefined,
  readCache?: (name: string) => { file: string; text?: string },
): ResolvedCitationProfile {
  if (!site || !site.trim()) throw new Error('"profile": "auto" needs a site ("site" in .wikitext-lint.json, --site, or the wikitext.site setting)');
  const name = siteCacheName(site);
  const cached = readCache?.(name);
  if (cached?.text !== undefined) return { profile: parseProfileText(cached.text, cached.file, 'profile'), source: 'cache', from: cached.file };
  const shipped = shippedCitationProfile(name);
  if (shipped !== undefined) {
    const from = shippedMapPath(name)!;
    return { profile: parseCitationProfile(shipped, from, ruleIds), source: 'shipped', from, note: shippedMapNote(name, from, !!readCache) };
  }
  if (!readCache) throw new Error(`"profile": "auto": no citation map is shipped for ${site}, and profiles built by \`wikitext-lint profile --site ${name}\` are not available here (no cache in the browser): give the profile's file instead ("profile": "path/to/${name}.json")`);
  throw new Error(`no cached citation profile for ${site} (${cached!.file}) and no map shipped for it; build it with: wikitext-lint profile --site ${site}`);
}

/** Parses the text of a citation profile or map; errors name the file. */
/** Profiles and maps are read up to this size (a built profile of a large wiki is well under 1 MB). */
export const PROFILE_SIZE_CAP = 5_000_000;

/** A profile file's text, checked (its `"rules"` against the rules that exist, so a misspelt id is an error). */
export function parseProfileText(text: string, file: string, what: 'profile' | 'map'): CitationProfile {
  if (text.length > PROFILE_SIZE_CAP) throw new Error(`${file}: the ${what} is larger than 5 MB`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not JSON (${(e as Error).message})`);
  }
  return parseCitationProfile(json, file, ruleIds);
}

/**
 * The editor's note, once per wiki, when a site is set and no citation profile is: the English-only rules were skipped
 * (`skippedFor` as the core says it: `de.wikipedia.org (de)`), and how to check the wiki's citations: the shipped map
 * with `auto` when there is one, else building the profile (`canBuild`: the desktop server can; the web cannot).
 */
export function skippedRulesEditorNote(skippedFor: string, skipped: number, canBuild: boolean): string {
  const site = /^\S+/.exec(skippedFor)?.[0] ?? skippedFor;
  const map = shippedMapPath(site);
  const how = map
    ? `a map is shipped for ${site} (${map}): set wikitext.citationProfile to "auto" (or "profile": "auto" in .wikitext-lint.json) to check its citation templates`
    : canBuild
      ? `build its citation profile with "Wikitext: Build Citation Profile" (or \`wikitext-lint profile --site ${site}\`) and set wikitext.citationProfile to "auto"`
      : `give a citation profile file built by \`wikitext-lint profile --site ${site}\` (wikitext.citationProfile, or "profile" in .wikitext-lint.json)`;
  return `no citation profile for ${skippedFor}: only the rules that hold in every language run (${skipped} rules skipped). To check that wiki's citations, ${how}.`;
}
