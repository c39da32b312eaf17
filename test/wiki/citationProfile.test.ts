/**
 * `wikitext-lint profile --site X` against a real MediaWiki in German (scripts/test-wiki.sh --lang de) holding
 * citation templates with TemplateData (test/fixtures/wiki/de, written through the API): the profile it builds
 * (redirects are templates, TemplateData names and aliases map to CS1's, German month names), the cache and
 * --refresh, --out, errors naming the site, and linting German citations with `--profile auto`. A wiki in
 * Bengali gives the local digits. Runs the built CLI (dist/cli.js). Skipped with a message when MediaWiki is not
 * installed (.ci/run installs it).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WikiClient, editPage, readPage, type WikiSession } from '../../server/src/wiki';
import { buildCitationProfile, mapTemplateParameters } from '../../server/src/wiki/citationProfileBuilder';
import { parseCitationProfile } from '../../server/src/core/citationProfile';
import type { CitationProfile } from '../../server/src/core/profile';
import { wikiSkipReason, startTestWiki, type TestWiki } from '../helpers/testWiki';
import { importCitationFixtures } from '../helpers/citationWiki';

const CLI = resolve(__dirname, '../../dist/cli.js');
const skip = wikiSkipReason() || (existsSync(CLI) ? false : 'dist/cli.js is not built (npm run build)');
let de: TestWiki;
let admin: WikiSession;
const cache = mkdtempSync(join(tmpdir(), 'wikitext-lint-citprof-'));
before(async () => {
  if (skip) return;
  de = await startTestWiki({ lang: 'de' });
  admin = await importCitationFixtures(de);
});
after(() => de?.stop());

function cli(args: string[], cwd = tmpdir(), cacheDir = cache) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, env: { ...process.env, WIKITEXT_LINT_CACHE: cacheDir } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const site = () => `127.0.0.1:${de.port}`;
const cacheFile = () => join(cache, 'profiles', `127.0.0.1_${de.port}.citations.json`);
const readProfile = (f: string): CitationProfile => parseCitationProfile(JSON.parse(readFileSync(f, 'utf8')), f);

test('profile --site builds the citation profile from the wiki and prints where it is cached', { skip }, () => {
  const out = join(mkdtempSync(join(tmpdir(), 'wikitext-lint-pin-')), 'de.citations.json');
  const r = cli(['profile', '--site', de.api, '--out', out]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out.trim(), cacheFile());
  // no map for 127.0.0.1:PORT: the content language's (dewiki's) map, said once
  assert.match(r.err, /no map for 127\.0\.0\.1:\d+; using the one of de\.wikipedia\.org/);
  // templates of the map the wiki does not have are left out, with a note naming the site
  assert.match(r.err, new RegExp(`note: ${site().replace(/\./g, '\\.')}: the map names \\{\\{Cite news\\}\\}, but the wiki has no Template:Cite news; left out`));
  const p = readProfile(cacheFile());
  assert.deepEqual(readProfile(out), p, '--out writes the same profile');
  assert.equal(p.site, site());
  assert.equal(p.lang, 'de');
  // the redirect is a citation template of the same type; templates the wiki lacks are not in it
  assert.equal(p.templates.Webquelle, 'cite web');
  assert.equal(p.templates.Internetquelle, 'cite web');
  assert.equal(p.templates.Literatur, 'cite book');
  assert.equal(p.templates['Cite news'], undefined);
  // TemplateData: titel (alias title, a CS1 name) → title; abruf and its alias zugriff → access-date (the map)
  const iq = p.templateParameters!.Internetquelle;
  assert.equal(iq.titel, 'title');
  assert.equal(iq.abruf, 'access-date');
  assert.equal(iq.zugriff, 'access-date');
  assert.equal(iq.datum, 'date');
  assert.deepEqual(p.templateParameters!.Webquelle, iq, 'the redirect takes the parameters of its template');
  // a CS1-style template's German alias maps to the canonical name of its key
  assert.equal(p.templateParameters!['Cite web'].abrufdatum, 'access-date');
  assert.equal(p.templateParameters!['Cite web'].accessdate, 'access-date');
  assert.equal(p.templateParameters!.Literatur.isbn, 'isbn', 'the alias isbn of ISBN');
  // parameters CS1 has no name for are the template's own
  assert.ok(p.unmappedParameters!.Internetquelle.includes('titelerg'));
  assert.ok(!p.unmappedParameters!.Internetquelle.includes('titel'));
  // the reference list and its redirect; the map's rule defaults
  assert.equal(p.refTemplates!.Einzelnachweise.like, 'reflist');
  assert.equal(p.refTemplates!.Belege.like, 'reflist');
  assert.equal(p.rules!['cite-missing-access-date'], true);
  // month names from the wiki's messages in German; ASCII digits are not recorded
  assert.equal(p.dates!.months![2], 'März');
  assert.equal(p.dates!.months![4], 'Mai');
  assert.equal(p.dates!.abbreviations![11], 'Dez.');
  assert.equal(p.dates!.genitive!.length, 12);
  assert.equal(p.dates!.digits, undefined);
  assert.ok(p.dates!.formats!.includes('D. MMMM YYYY'), 'the map\'s date formats are kept');
  assert.ok(p.provenance!.some((x) => x.includes(`built by wikitext-lint profile from ${de.api}`) && x.includes('action=templatedata&lang=de')));
  assert.ok(p.provenance!.includes('map: server/data/citation-profiles/de.wikipedia.org.json'));
});

test('a fresh cached profile is kept; --refresh reads the wiki again (a new alias appears)', { skip }, async () => {
  assert.equal(cli(['profile', '--site', de.api]).code, 0);
  const page = await readPage(admin.client, 'Vorlage:Internetquelle');
  const text = page.content.replace('"aliases": ["zugriff"]', '"aliases": ["zugriff", "abgerufen"]');
  assert.notEqual(text, page.content);
  await editPage(admin, { title: 'Vorlage:Internetquelle', text, summary: 'alias', baserevid: page.revid, basetimestamp: page.timestamp, starttimestamp: page.fetchedAt });
  const kept = cli(['profile', '--site', de.api]);
  assert.equal(kept.code, 0);
  assert.match(kept.err, /kept \(--refresh builds it again\)/);
  assert.equal(readProfile(cacheFile()).templateParameters!.Internetquelle.abgerufen, undefined);
  const again = cli(['profile', '--site', de.api, '--refresh']);
  assert.equal(again.code, 0, again.err);
  assert.equal(readProfile(cacheFile()).templateParameters!.Internetquelle.abgerufen, 'access-date');
});

const ARTICLE = [
  'Berlin.<ref>{{Webquelle |url=https://www.berlin.de/ |titel=Berlin |abruf=2020-05-19 |titelerg=Startseite}}</ref>',
  'Mitte.<ref>{{Webquelle |url=https://www.berlin.de/mitte |abruf=2020-05-19 |unsinn=1}}</ref>',
  'Buch.<ref>{{Literatur |Titel=Berlin |ISBN=978-0-306-40615-8}}</ref>',
  'Web.<ref>{{Cite web |url=https://example.org/ |title=Beispiel |abrufdatum=2020-05-19}}</ref>',
  '{{Belege}}',
  '[[Kategorie:Berlin]]',
  '',
].join('\n');

function lint(text: string, args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'wikitext-lint-de-'));
  const f = join(dir, 'Berlin.wiki');
  writeFileSync(f, text);
  const r = cli(['--format', 'json', '--today', '2026-11-30', ...args, f], dir);
  assert.ok(r.code === 0 || r.code === 1, r.err);
  return { ...r, diags: (JSON.parse(r.out).files[0].diagnostics as { rule: string; message: string }[]) };
}

test('--profile auto: the German citations are checked with the wiki\'s own names; without it they are not', { skip }, () => {
  assert.equal(cli(['profile', '--site', de.api]).code, 0);
  const r = lint(ARTICLE, ['--site', de.api, '--profile', 'auto']);
  const of = (id: string) => r.diags.filter((d) => d.rule === id).map((d) => d.message);
  // the redirect {{Webquelle}} is a citation: its missing titel is reported, its unknown parameter too
  assert.equal(of('cite-missing-title').length, 1, JSON.stringify(r.diags));
  assert.deepEqual(of('cite-unknown-parameter').length, 1, JSON.stringify(of('cite-unknown-parameter')));
  assert.match(of('cite-unknown-parameter')[0], /\|unsinn=/);
  // titel, abruf, titelerg (own), abrufdatum (Cite web's German alias) are known: no other unknown parameter
  assert.equal(of('cite-bad-isbn').length, 1, 'Literatur\'s ISBN is checked');
  assert.doesNotMatch(r.err, /only the rules that hold/);
  // without the profile: the site's language keeps the English-only rules off, and the note says how to build it
  const without = lint(ARTICLE, ['--site', de.api]);
  assert.ok(!without.diags.some((d) => d.rule.startsWith('cite-')), JSON.stringify(without.diags));
  assert.match(without.err, /wikitext-lint profile --site <wiki>/);
});

test('"profile": "auto" in .wikitext-lint.json uses the cached profile of its "site"', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'wikitext-lint-auto-'));
  writeFileSync(join(dir, '.wikitext-lint.json'), JSON.stringify({ site: de.api, profile: 'auto' }));
  writeFileSync(join(dir, 'a.wiki'), ARTICLE);
  const r = cli(['--format', 'json', '--today', '2026-11-30', 'a.wiki'], dir);
  const rules = (JSON.parse(r.out).files[0].diagnostics as { rule: string }[]).map((d) => d.rule);
  assert.equal(rules.filter((x) => x === 'cite-missing-title').length, 1, r.err);
  // no cached profile for a site: an error that says what to run
  const empty = mkdtempSync(join(tmpdir(), 'wikitext-lint-nocache-'));
  const none = cli(['--format', 'json', 'a.wiki'], dir, empty);
  const api = de.api.replace(/[.:/]/g, (c) => `\\${c}`);
  assert.match(none.out + none.err, new RegExp(`no cached citation profile for ${api} .*wikitext-lint profile --site ${api}`));
  assert.notEqual(none.code, 0);
});

// The date rules read German dates with the profile's month names (built from the wiki's messages) and the map's formats.
test('German dates with the profile: "31. Februar 2020" is an impossible date, "19. Mai 2020" is fine', { skip }, () => {
  assert.equal(cli(['profile', '--site', de.api]).code, 0);
  const bad = lint('X.<ref>{{Webquelle|url=https://www.berlin.de/|titel=Berlin|abruf=31. Februar 2020}}</ref>\n{{Belege}}\n', ['--site', de.api, '--profile', 'auto']);
  const dates = bad.diags.filter((d) => d.rule === 'cite-bad-date');
  assert.equal(dates.length, 1, JSON.stringify(bad.diags));
  assert.doesNotMatch(dates[0].message, /not a month name/);
  const ok = lint('X.<ref>{{Webquelle|url=https://www.berlin.de/|titel=Berlin|abruf=19. Mai 2020}}</ref>\n{{Belege}}\n', ['--site', de.api, '--profile', 'auto']);
  assert.equal(ok.diags.filter((d) => d.rule === 'cite-bad-date').length, 0, JSON.stringify(ok.diags));
});

test('errors name the site: a wiki that does not answer, a site with no map', { skip }, () => {
  const dead = cli(['profile', '--site', 'http://127.0.0.1:9/api.php', '--refresh']);
  assert.equal(dead.code, 2);
  assert.match(dead.err, /^wikitext-lint: profile: 127\.0\.0\.1:9: /m);
  const noMap = cli(['profile', '--site', de.api, '--map', join(tmpdir(), 'no-such-map.json')]);
  assert.equal(noMap.code, 2);
  assert.match(noMap.err, /no-such-map\.json: cannot read the map/);
  assert.equal(cli(['profile']).code, 2, 'no site');
  assert.match(cli(['profile', '--help']).out, /Usage: wikitext-lint profile --site/);
});

test('TemplateData parameters: a key or alias CS1 knows wins, then the map, else the template\'s own', () => {
  const r = mapTemplateParameters({
    titel: { aliases: ['title'] },
    abruf: { aliases: ['zugriff'] },
    'access-date': { aliases: ['accessdate', 'abrufdatum'] },
    titelerg: {},
  }, (n) => (n === 'abruf' ? 'access-date' : undefined));
  assert.deepEqual(r.map, { titel: 'title', title: 'title', abruf: 'access-date', zugriff: 'access-date', 'access-date': 'access-date', accessdate: 'access-date', abrufdatum: 'access-date' });
  assert.deepEqual(r.own, ['titelerg']);
});

test('a wiki in Bengali: its own digits and month names go into the profile', { skip }, async () => {
  const bn = await startTestWiki({ lang: 'bn' });
  try {
    const client = new WikiClient({ api: bn.api, name: `127.0.0.1:${bn.port}` });
    const { profile, notes } = await buildCitationProfile(client, { templates: { 'Cite web': 'cite web' }, parameters: {} }, { mapSource: 'inline' });
    assert.equal(profile.dates!.digits, '০১২৩৪৫৬৭৮৯');
    assert.equal(profile.lang, 'bn');
    assert.equal(profile.dates!.months!.length, 12);
    assert.notEqual(profile.dates!.months![0], 'January');
    assert.deepEqual(Object.keys(profile.templates), [], 'the wiki has no Template:Cite web');
    assert.match(notes[0], /has no Template:Cite web/);
  } finally {
    bn.stop();
  }
});
