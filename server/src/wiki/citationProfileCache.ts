/**
 * Where citation profiles are cached: `<cacheDir>/profiles/<site>.citations.json` (beside the site profile
 * `<site>.json`), and what `"profile": "auto"` means on a machine with a cache (autoProfile.ts: the built profile,
 * else the shipped map, else an error). File-system only, no network: the CLI's workers and the language server read
 * profiles through this.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheDir } from '../cacheDir';
import type { CitationProfile } from '../core/profile';
import { parseProfileText, resolveAutoCitationProfile, siteCacheName, PROFILE_SIZE_CAP, type ResolvedCitationProfile } from './autoProfile';
import { readRegularFile, RefusedFile } from '../readLimited';
import { printable } from './errors';

export { siteCacheName, PROFILE_SIZE_CAP } from './autoProfile';

/** A file-name-safe form of a site name (the same as the site profile's cache file). */
function safeSiteName(site: string): string {
  return site.replace(/[^A-Za-z0-9.-]+/g, '_');
}

/** Where `wikitext-lint profile` caches a site's citation profile. */
export function citationProfileCacheFile(site: string, dir = cacheDir()): string {
  return path.join(dir, 'profiles', `${safeSiteName(site)}.citations.json`);
}

/**
 * The cached citation profile of a site (what `wikitext-lint profile --site X` wrote). Throws an Error saying what to
 * run when there is none. (`auto` is more: see `resolveCitationProfileFile`.)
 */
export function autoCitationProfileFile(site: string | undefined, dir = cacheDir()): string {
  if (!site) throw new Error('"profile": "auto" needs a site ("site" in .wikitext-lint.json, --site, or the wikitext.site setting)');
  const file = citationProfileCacheFile(siteCacheName(site), dir);
  if (!fs.existsSync(file)) throw new Error(`no cached citation profile for ${site} (${file}); build it with: wikitext-lint profile --site ${site}`);
  return file;
}

/** The built profile of a site from the cache: its file, and its text unless none was built. */
export function readCachedProfile(name: string, dir = cacheDir()): { file: string; text?: string } {
  const file = citationProfileCacheFile(name, dir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return { file };
    throw new Error(`${file}: cannot read the profile (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return { file, text };
}

/**
 * A citation profile file (`--profile FILE`, `"profile"`, the `wikitext.citationProfile` setting), or with `auto` the
 * built profile of `site`, else its shipped map (with a note for the user), else an Error saying what to run. Errors
 * name the file and what is wrong; nothing is silently ignored.
 */
export function resolveCitationProfileFile(spec: string, site?: string, dir = cacheDir()): ResolvedCitationProfile {
  if (spec === 'auto') return resolveAutoCitationProfile(site, (name) => readCachedProfile(name, dir));
  return { profile: readProfileJson(spec, 'profile'), source: 'file', from: spec };
}

/** `resolveCitationProfileFile` without the note (callers that report nothing). */
export function readCitationProfileFile(spec: string, site?: string): CitationProfile {
  return resolveCitationProfileFile(spec, site).profile;
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
  return parseProfileText(text, file, what);
}
