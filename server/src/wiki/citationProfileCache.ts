/**
 * Where citation profiles are cached: `<cacheDir>/profiles/<site>.citations.json` (beside the site profile
 * `<site>.json`), and what `"profile": "auto"` means. File-system only, no network: the CLI's workers and the
 * language server read profiles through this.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheDir } from '../cacheDir';
import { resolveSiteSync } from './site';
import type { CitationProfile } from '../core/profile';
import { parseCitationProfile } from '../core/citationProfile';
import { readRegularFile, RefusedFile } from '../readLimited';
import { ruleIds } from '../core/rules';
import { printable } from './errors';

/** Profiles and maps are read up to this size (a built profile of a large wiki is well under 1 MB). */
export const PROFILE_SIZE_CAP = 5_000_000;

/** A file-name-safe form of a site name (the same as the site profile's cache file). */
function safeSiteName(site: string): string {
  return site.replace(/[^A-Za-z0-9.-]+/g, '_');
}

/** Where `wikitext-lint profile` caches a site's citation profile. */
export function citationProfileCacheFile(site: string, dir = cacheDir()): string {
  return path.join(dir, 'profiles', `${safeSiteName(site)}.citations.json`);
}

/** The short name of a site as the user names it (`dewiki` → `de.wikipedia.org`), as the cache files use it. */
export function siteCacheName(site: string): string {
  try {
    return resolveSiteSync(site)?.name ?? site.trim();
  } catch {
    return site.trim();
  }
}

/**
 * `--profile auto` / `"profile": "auto"` / the setting `"auto"`: the cached citation profile of the configured site
 * (what `wikitext-lint profile --site X` wrote). Throws an Error saying what to run when there is none.
 */
export function autoCitationProfileFile(site: string | undefined, dir = cacheDir()): string {
  if (!site) throw new Error('"profile": "auto" needs a site ("site" in .wikitext-lint.json, --site, or the wikitext.site setting)');
  const file = citationProfileCacheFile(siteCacheName(site), dir);
  if (!fs.existsSync(file)) throw new Error(`no cached citation profile for ${site} (${file}); build it with: wikitext-lint profile --site ${site}`);
  return file;
}

/**
 * Reads a citation profile file (`--profile FILE`, `"profile"`, the `wikitext.citationProfile` setting), or with
 * `auto` the cached profile of `site`. Errors name the file and what is wrong; nothing is silently ignored.
 */
export function readCitationProfileFile(spec: string, site?: string): CitationProfile {
  return readProfileJson(spec === 'auto' ? autoCitationProfileFile(site) : spec, 'profile');
}

/** Reads and checks a citation profile or a declarative map (`what` names which, in the errors). */
export function readProfileJson(file: string, what: 'profile' | 'map'): CitationProfile {
  try {
    return readProfileJsonUnescaped(file, what);
  } catch (e) {
    // the messages quote the file's own keys and name: no escape sequences reach a terminal or a CI log
    throw new Error(printable((e as Error).message));
  }
}

function readProfileJsonUnescaped(file: string, what: 'profile' | 'map'): CitationProfile {
  let text: string;
  try {
    // a regular file only, read up to the cap: a FIFO blocked forever and a link to /dev/zero read until memory ran out
    text = readRegularFile(file, PROFILE_SIZE_CAP).data.toString('utf8');
  } catch (e) {
    if (e instanceof RefusedFile) throw new Error(`${file}: cannot read the ${what}: ${/too large/.test(e.message) ? 'larger than 5 MB' : e.message}`);
    throw new Error(`${file}: cannot read the ${what} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not JSON (${(e as Error).message})`);
  }
  return parseCitationProfile(json, file, ruleIds);
}
