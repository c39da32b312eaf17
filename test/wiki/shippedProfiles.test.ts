/**
 * The citation profiles the VS Code client uses for `mediawiki:` pages when none was built
 * (client/src/wiki/shippedProfiles.ts): every file of server/data/citation-profiles/ is found and valid, in the
 * sources and in the bundle; other sites have none.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { shippedCitationProfile } from '../../client/src/wiki/shippedProfiles';
import { parseCitationProfile } from '../../server/src/core/citationProfile';

const dir = join(__dirname, '..', '..', 'server', 'data', 'citation-profiles');
const sites = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));

test('every shipped citation profile is found by its site and is valid; other sites have none', () => {
  assert.ok(sites.length > 0);
  for (const site of sites) assert.ok(parseCitationProfile(shippedCitationProfile(site), site).templates, site);
  assert.equal(shippedCitationProfile('en.example.org'), undefined);
  assert.equal(shippedCitationProfile('../../../package'), undefined);
  assert.equal(shippedCitationProfile('127.0.0.1:8080'), undefined);
});

test('the extension bundle holds every shipped profile (esbuild bundles the folder)', { skip: existsSync(join(__dirname, '..', '..', 'dist', 'client.js')) ? false : 'dist/client.js not built' }, () => {
  const bundle = readFileSync(join(__dirname, '..', '..', 'dist', 'client.js'), 'utf8');
  for (const site of sites) assert.ok(bundle.includes(`server/data/citation-profiles/${site}.json`), site);
});
