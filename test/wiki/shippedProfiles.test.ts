/**
 * The citation profiles bundled into the VS Code client for `mediawiki:` pages (client/src/wiki/shippedProfiles.ts)
 * are exactly those shipped in server/data/citation-profiles/, and each is a valid profile.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_CITATION_PROFILES } from '../../client/src/wiki/shippedProfiles';
import { parseCitationProfile } from '../../server/src/core/citationProfile';

test('the bundled list matches server/data/citation-profiles/ (regenerate shippedProfiles.ts when a file is added)', () => {
  const files = readdirSync(join(__dirname, '..', '..', 'server', 'data', 'citation-profiles')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  assert.deepEqual(Object.keys(SHIPPED_CITATION_PROFILES).sort(), files);
  for (const [site, p] of Object.entries(SHIPPED_CITATION_PROFILES)) assert.ok(parseCitationProfile(p, site).templates);
});
