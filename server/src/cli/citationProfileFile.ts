/**
 * `--profile FILE`: a citation profile as JSON (see `CitationProfile` in core/profile.ts), read and checked here
 * (the core never reads files). Unknown CS1 template targets and non-string values are errors, never ignored.
 * `auto` names the cached profile of the site (`wikitext-lint profile --site X` builds it).
 */
import { readFileSync } from 'node:fs';
import type { CitationProfile } from '../core/profile';
import { parseCitationProfile } from '../core/citationProfile';
import { autoCitationProfileFile } from '../wiki/citationProfileCache';

export { parseCitationProfile };

/** Reads a profile file, or with `auto` the cached profile of `site`. */
export function loadCitationProfile(spec: string, site?: string): CitationProfile {
  const file = spec === 'auto' ? autoCitationProfileFile(site) : spec;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read the profile (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (text.length > 5_000_000) throw new Error(`${file}: the profile is larger than 5 MB`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not JSON (${(e as Error).message})`);
  }
  return parseCitationProfile(json, file);
}
