/**
 * What `"profile": "auto"` means, one resolution for the CLI, the desktop server and the web server
 * (server/src/wiki/autoProfile.ts, citationProfileCache.ts): the profile `wikitext-lint profile` built for the site,
 * else the map shipped for it (with a note naming the file and how to build the full one), else an error saying what
 * to run; the web (no cache) has only the map. Also: how the web server makes a profile path a URI, the CLI's notes
 * (the "site set, no profile" note names a shipped map; `auto` on a shipped map says so once), run with the built CLI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resolveAutoCitationProfile, shippedMapPath, skippedRulesEditorNote } from '../../server/src/wiki/autoProfile';
import { citationProfileCacheFile, resolveCitationProfileFile } from '../../server/src/wiki/citationProfileCache';
import { resolveProfileUri } from '../../server/src/webProfiles';
import { skippedRulesNote } from '../../server/src/cli/main';

const ROOT = resolve(__dirname, '../..');
const BUILT = JSON.stringify({ site: 'de.wikipedia.org', builtAt: '2026-11-30T00:00:00Z', templates: { Webquelle: 'cite web' }, parameters: { titel: 'title' } });

function cacheWith(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'wikitext-lint-auto-'));
  mkdirSync(join(dir, 'profiles'), { recursive: true });
  for (const [site, text] of Object.entries(files)) {
    writeFileSync(citationProfileCacheFile(site, dir), text);
  }
  return dir;
}

test('auto: the built profile first (no note), whatever the site is called (dewiki, de, the host)', () => {
  const dir = cacheWith({ 'de.wikipedia.org': BUILT });
  for (const site of ['de.wikipedia.org', 'dewiki', 'de']) {
    const r = resolveCitationProfileFile('auto', site, dir);
    assert.equal(r.source, 'cache', site);
    assert.equal(r.from, citationProfileCacheFile('de.wikipedia.org', dir));
    assert.equal(r.profile.templates.Webquelle, 'cite web', 'the built profile, not the map (which has no Webquelle)');
    assert.equal(r.note, undefined);
  }
});

test('auto: no built profile, a shipped map: the map, with a note naming its file and the command that builds the full one', () => {
  const r = resolveCitationProfileFile('auto', 'dewiki', cacheWith());
  assert.equal(r.source, 'shipped');
  assert.equal(r.from, 'server/data/citation-profiles/de.wikipedia.org.json');
  assert.ok(existsSync(resolve(ROOT, r.from)));
  assert.equal(r.profile.templates.Internetquelle, 'cite web');
  assert.match(r.note!, /no profile built yet, using the map shipped with wikitext-lint \(server\/data\/citation-profiles\/de\.wikipedia\.org\.json\)/);
  assert.match(r.note!, /`wikitext-lint profile --site de\.wikipedia\.org` builds the full one/);
});

test('auto: neither: an error naming the site, the cache file and what to run; no site: an error saying where to set one', () => {
  const dir = cacheWith();
  assert.throws(() => resolveCitationProfileFile('auto', 'wiki.example.org', dir), (e: Error) =>
    e.message.includes(`no cached citation profile for wiki.example.org (${citationProfileCacheFile('wiki.example.org', dir)}) and no map shipped for it`) &&
    e.message.includes('build it with: wikitext-lint profile --site wiki.example.org'));
  assert.throws(() => resolveCitationProfileFile('auto', undefined, dir), /"profile": "auto" needs a site \("site" in \.wikitext-lint\.json, --site, or the wikitext\.site setting\)/);
});

test('auto: a broken built profile is an error naming its file, not silently replaced by the map', () => {
  const dir = cacheWith({ 'de.wikipedia.org': '{"templates": ' });
  assert.throws(() => resolveCitationProfileFile('auto', 'de.wikipedia.org', dir), (e: Error) => e.message.startsWith(`${citationProfileCacheFile('de.wikipedia.org', dir)}: not JSON`));
});

test('a profile file is read as it is (no note); its errors name it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wikitext-lint-auto-'));
  writeFileSync(join(dir, 'p.json'), BUILT);
  const r = resolveCitationProfileFile(join(dir, 'p.json'));
  assert.deepEqual([r.source, r.note], ['file', undefined]);
  assert.throws(() => resolveCitationProfileFile(join(dir, 'missing.json')), new RegExp(`${join(dir, 'missing.json').replace(/[.]/g, '\\.')}: cannot read the profile \\(ENOENT\\)`));
});

test('the web (no cache): auto is the shipped map, with a note that the full profile needs the desktop editor or the CLI; none shipped: give a file', () => {
  const r = resolveAutoCitationProfile('fr.wikipedia.org');
  assert.equal(r.source, 'shipped');
  assert.match(r.note!, /using the map shipped with wikitext-lint \(server\/data\/citation-profiles\/fr\.wikipedia\.org\.json\).*needs the desktop editor or the CLI/);
  assert.throws(() => resolveAutoCitationProfile('wiki.example.org'), /no citation map is shipped for wiki\.example\.org.*not available here \(no cache in the browser\): give the profile's file instead/);
});

test('every shipped map resolves through auto; hostile site names find none', () => {
  const sites = require('node:fs').readdirSync(resolve(ROOT, 'server/data/citation-profiles')).map((f: string) => f.replace(/\.json$/, ''));
  for (const site of sites) assert.equal(resolveAutoCitationProfile(site).source, 'shipped', site);
  for (const bad of ['../../package', '..%2F..%2Fpackage', '127.0.0.1:8080', 'https://wiki.example.org/w/api.php', '']) assert.equal(shippedMapPath(bad), undefined, bad);
});

test('the web server makes a profile path a URI: relative to the configuration file or the workspace folder; absolute paths and URIs', () => {
  const cfg = 'vscode-vfs://github/o/r/sub/.wikitext-lint.json';
  assert.equal(resolveProfileUri('profiles/de.json', cfg, false), 'vscode-vfs://github/o/r/sub/profiles/de.json');
  assert.equal(resolveProfileUri('./a/../de.json', cfg, false), 'vscode-vfs://github/o/r/sub/de.json');
  assert.equal(resolveProfileUri('../../../../de.json', cfg, false), 'vscode-vfs://github/de.json', 'never above the root');
  assert.equal(resolveProfileUri('my profiles/dé.json', cfg, false), 'vscode-vfs://github/o/r/sub/my%20profiles/d%C3%A9.json');
  assert.equal(resolveProfileUri('p\\de.json', cfg, false), 'vscode-vfs://github/o/r/sub/p/de.json');
  assert.equal(resolveProfileUri('/etc/de.json', cfg, false), 'vscode-vfs://github/etc/de.json', 'an absolute path on the same file system');
  assert.equal(resolveProfileUri('de.json', 'vscode-remote://127.0.0.1:8080/home/u/ws', true), 'vscode-remote://127.0.0.1:8080/home/u/ws/de.json');
  assert.equal(resolveProfileUri('de.json', 'file:///home/u/ws/', true), 'file:///home/u/ws/de.json');
  assert.equal(resolveProfileUri('C:\\p\\de.json', 'file:///c%3A/ws', true), 'file:///C:/p/de.json');
  assert.equal(resolveProfileUri('memfs:/x/de.json', cfg, false), 'memfs:/x/de.json');
});

test('the "site set, no profile" notes say when a map is shipped for the wiki (CLI: --profile auto; editor: the setting)', () => {
  const de = { rules: ['cite-bad-date'], for: 'de.wikipedia.org (de)' };
  const note = skippedRulesNote([{ path: 'a', diagnostics: [], skipped: de }]);
  assert.match(note, /de\.wikipedia\.org has a map shipped with wikitext-lint \(server\/data\/citation-profiles\/de\.wikipedia\.org\.json\): lint with --profile auto/);
  const guessed = skippedRulesNote([{ path: 'a', diagnostics: [], skipped: { rules: ['cite-bad-date'], for: 'fr.wikipedia.org (guessed from the page\'s links)' } }]);
  assert.match(guessed, /lint with --site fr\.wikipedia\.org --profile auto/);
  const none = skippedRulesNote([{ path: 'a', diagnostics: [], skipped: { rules: ['cite-bad-date'], for: 'wiki.example.org (xx)' } }]);
  assert.doesNotMatch(none, /map shipped/);
  assert.equal(note.split('\n').length, 2, 'still one line');

  assert.match(skippedRulesEditorNote('de.wikipedia.org (de)', 29, true), /a map is shipped for de\.wikipedia\.org .*set wikitext\.citationProfile to "auto"/);
  assert.match(skippedRulesEditorNote('wiki.example.org (xx)', 29, true), /"Wikitext: Build Citation Profile"/);
  assert.match(skippedRulesEditorNote('wiki.example.org (xx)', 29, false), /give a citation profile file built by `wikitext-lint profile --site wiki\.example\.org`/);
});

const CLI = resolve(ROOT, 'dist/cli.js');
test('CLI: "profile": "auto" with no built profile uses the shipped map and says so once for many files', { skip: existsSync(CLI) ? false : 'dist/cli.js not built (npm run build)' }, () => {
  const cache = cacheWith();
  // the site profile from the cache (no network): a German wiki as siteinfo would describe it
  writeFileSync(join(cache, 'profiles', 'de.wikipedia.org.json'), JSON.stringify({ site: 'de.wikipedia.org', fetchedAt: new Date().toISOString(), lang: 'de' }));
  const dir = mkdtempSync(join(tmpdir(), 'wikitext-lint-auto-'));
  const text = 'Berlin.<ref>{{Internetquelle |url=https://www.berlin.de/ |abruf=2020-05-19}}</ref>\n<references />\n';
  writeFileSync(join(dir, 'a.wiki'), text);
  writeFileSync(join(dir, 'b.wiki'), text);
  const run = (config: object, args: string[] = []) => {
    writeFileSync(join(dir, '.wikitext-lint.json'), JSON.stringify(config));
    const r = spawnSync(process.execPath, [CLI, '--format', 'json', ...args, 'a.wiki', 'b.wiki'], { encoding: 'utf8', cwd: dir, env: { ...process.env, WIKITEXT_LINT_CACHE: cache } });
    const files = JSON.parse(r.stdout).files as { diagnostics: { rule: string }[] }[];
    return { err: r.stderr, missingTitle: files.map((f) => f.diagnostics.filter((d) => d.rule === 'cite-missing-title').length) };
  };
  const none = run({ site: 'de.wikipedia.org' });
  assert.deepEqual(none.missingTitle, [0, 0]);
  assert.match(none.err, /only the rules that hold in every language ran.*de\.wikipedia\.org has a map shipped with wikitext-lint .*lint with --profile auto/);

  const auto = run({ site: 'de.wikipedia.org', profile: 'auto' });
  assert.deepEqual(auto.missingTitle, [1, 1]);
  assert.equal(auto.err.match(/using the map shipped with wikitext-lint \(server\/data\/citation-profiles\/de\.wikipedia\.org\.json\)/g)?.length, 1, auto.err);

  const flag = run({ site: 'de.wikipedia.org' }, ['--profile', 'auto']);
  assert.deepEqual(flag.missingTitle, [1, 1]);
  assert.equal(flag.err.match(/using the map shipped/g)?.length, 1, flag.err);

  // built: the built profile, no note
  writeFileSync(citationProfileCacheFile('de.wikipedia.org', cache), readFileSync(resolve(ROOT, 'test/fixtures/profiles/dewiki-citations.json'), 'utf8'));
  const built = run({ site: 'de.wikipedia.org', profile: 'auto' });
  assert.deepEqual(built.missingTitle, [1, 1]);
  assert.doesNotMatch(built.err, /map shipped/);
});
