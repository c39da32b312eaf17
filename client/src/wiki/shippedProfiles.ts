/**
 * The citation maps shipped in server/data/citation-profiles/ (hand-made per wiki, with provenance), so a
 * `mediawiki:` page of one of these wikis is checked with its local citation templates even before
 * `wikitext-lint profile` built one. One lookup for the CLI, both servers and both clients:
 * server/src/wiki/autoProfile.ts (esbuild bundles every file of that folder into each bundle that imports it).
 */
export { shippedCitationProfile } from '../../../server/src/wiki/autoProfile';
