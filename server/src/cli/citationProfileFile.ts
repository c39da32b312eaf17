/**
 * `--profile FILE`: a citation profile as JSON (see `CitationProfile` in core/profile.ts), read and checked by
 * `readCitationProfileFile` (shared with the language server; the core never reads files). Unknown CS1 template
 * targets and non-string values are errors, never ignored. `auto` names the cached profile of the site
 * (`wikitext-lint profile --site X` builds it).
 */
import type { CitationProfile } from '../core/profile';
import { parseCitationProfile } from '../core/citationProfile';
import { readCitationProfileFile } from '../wiki/citationProfileCache';

export { parseCitationProfile };

/** Reads a profile file, or with `auto` the cached profile of `site`. */
export function loadCitationProfile(spec: string, site?: string): CitationProfile {
  return readCitationProfileFile(spec, site);
}
