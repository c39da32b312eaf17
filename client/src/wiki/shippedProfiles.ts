/**
 * The citation profiles shipped in server/data/citation-profiles/ (hand-made per wiki, with provenance), so a
 * `mediawiki:` page of one of these wikis is checked with its local citation templates even before
 * `wikitext-lint profile` built one. The `require` with a template makes esbuild bundle every file of that
 * folder (a profile added there needs no change here); under tsx (tests) it reads the file.
 */
declare const require: (id: string) => unknown;

/** The raw shipped profile of a site (`fr.wikipedia.org`), or undefined when none is shipped. */
export function shippedCitationProfile(site: string): unknown {
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(site)) return undefined;
  try {
    return require(`../../../server/data/citation-profiles/${site.toLowerCase()}.json`);
  } catch {
    return undefined;
  }
}
