/**
 * `--profile FILE`: a citation profile maps a wiki's own citation templates and parameter names to CS1's, so
 * `{{Internetquelle|titel=|abruf=}}` is checked by the CS1 rules and English-only rules run on that wiki's text.
 * Runs the built CLI (dist/cli.js; `npm run build`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCitationProfile } from '../../server/src/core/citationProfile';

const CLI = resolve(__dirname, '../../dist/cli.js');
const PROFILE = resolve(__dirname, '../fixtures/profiles/dewiki-citations.json');
const skip = existsSync(CLI) ? false : 'dist/cli.js is not built (npm run build)';

function lintJson(text: string, args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'wikitext-lint-profile-'));
  const f = join(dir, 'Berlin.wiki');
  writeFileSync(f, text);
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', '--today', '2026-11-28', ...args, f], { encoding: 'utf8', cwd: dir });
  return { code: r.status, err: r.stderr, diags: r.stdout ? (JSON.parse(r.stdout).files[0]?.diagnostics ?? []) as { rule: string; message: string }[] : [] };
}

const text = [
  'Berlin.<ref>{{Internetquelle |url=https://www.berlin.de/ |abruf=2020-05-19}}</ref>',
  'Mitte.<ref>{{Internetquelle |url=https://www.berlin.de/mitte |titel=Mitte |abruf=2020-05-19 |unsinn=1}}</ref>',
  'Buch.<ref>{{Literatur |titel=Berlin |isbn=978-0-306-40615-9}}</ref>',
  '<references />',
  '[[Kategorie:Berlin]]',
  '',
].join('\n');

test('without a profile the German text gets the note and no CS1 checks of its local templates', { skip }, () => {
  const r = lintJson(text, []);
  const rules = r.diags.map((d) => d.rule);
  assert.ok(rules.includes('page-language-mismatch'));
  assert.ok(!rules.includes('cite-missing-title') && !rules.includes('cite-unknown-parameter') && !rules.includes('cite-bad-isbn'), 'local templates are not citations without a profile');
  assert.match(r.err, /only the rules that hold in every language ran/);
});

test('with --profile: the local templates are checked with their local parameter names', { skip }, () => {
  const r = lintJson(text, ['--profile', PROFILE]);
  const of = (id: string) => r.diags.filter((d) => d.rule === id);
  assert.equal(of('cite-missing-title').length, 1, JSON.stringify(r.diags)); // the first Internetquelle has no titel
  assert.deepEqual(of('cite-unknown-parameter').map((d) => /unsinn/.test(d.message)), [true]); // titel/abruf are known
  assert.equal(of('cite-bad-isbn').length, 1);
  assert.doesNotMatch(r.err, /only the rules that hold/);
  assert.equal(of('page-language-mismatch').length, 0, 'the profile says which wiki it is');
});

test('a bad profile file is an error (exit 2), never ignored', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'wikitext-lint-badprofile-'));
  const bad = join(dir, 'p.json');
  writeFileSync(bad, JSON.stringify({ templates: { Internetquelle: 'cite nothing' } }));
  const r = lintJson(text, ['--profile', bad]);
  assert.equal(r.code, 2);
  assert.match(r.err, /not a CS1 template/);
  assert.throws(() => parseCitationProfile({ parameters: { titel: 3 } }), /must be a name/);
  assert.throws(() => parseCitationProfile([]), /JSON object/);
});

test('"profile" in .wikitext-lint.json, relative to that file', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'wikitext-lint-cfgprofile-'));
  writeFileSync(join(dir, 'p.json'), JSON.stringify({ templates: { Internetquelle: 'cite web' }, parameters: { titel: 'title', abruf: 'access-date' } }));
  writeFileSync(join(dir, '.wikitext-lint.json'), JSON.stringify({ profile: 'p.json' }));
  const f = join(dir, 'Berlin.wiki');
  writeFileSync(f, text);
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', '--today', '2026-11-28', f], { encoding: 'utf8', cwd: tmpdir() });
  const rules = (JSON.parse(r.stdout).files[0].diagnostics as { rule: string }[]).map((d) => d.rule);
  assert.equal(rules.filter((x) => x === 'cite-missing-title').length, 1);
  assert.equal(rules.filter((x) => x === 'cite-unknown-parameter').length, 1);
  writeFileSync(join(dir, '.wikitext-lint.json'), JSON.stringify({ profile: 'missing.json' }));
  const bad = spawnSync(process.execPath, [CLI, f], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stdout + bad.stderr, /missing\.json: cannot read the profile/);
});

test('a citation profile with every part parses, and each part is checked', () => {
  const full = {
    site: 'hy.wikipedia.org', lang: 'hy', builtAt: '2026-11-30T00:00:00Z', provenance: ['hand-written for the test'],
    templates: { 'Cite web': 'cite web' }, parameters: {},
    templateParameters: { 'Cite web': { 'վերնագիր': 'title' } },
    notCitations: ['Citation'],
    refTemplates: { 'Références': { like: 'reflist', parameters: { groupe: 'group' } } },
    dates: { check: true, digits: '0123456789', formats: ['YYYY թ․ MMMMG D'], months: Array(12).fill('m'), genitive: Array(12).fill('g') },
    rules: { 'cite-missing-access-date': false },
  };
  const p = parseCitationProfile(full);
  assert.equal(p.templateParameters?.['Cite web']?.['վերնագիր'], 'title');
  assert.equal(p.refTemplates?.['Références']?.like, 'reflist');
  assert.equal(p.dates?.formats?.[0], 'YYYY թ․ MMMMG D');
  assert.equal(p.rules?.['cite-missing-access-date'], false);
  assert.throws(() => parseCitationProfile({ ...full, dates: { months: ['a'] } }), /"months" must have 12 entries/);
  assert.throws(() => parseCitationProfile({ ...full, dates: { digits: '012' } }), /ten local digits/);
  assert.throws(() => parseCitationProfile({ ...full, refTemplates: { X: { like: 'no such template' } } }), /no known role/);
  assert.throws(() => parseCitationProfile({ ...full, rules: { x: 'off' } }), /true or false/);
  assert.throws(() => parseCitationProfile({ ...full, templats: {} }), /unknown key "templats"/);
});

test('hostile date formats and month names in a profile are refused with the reason, before any expression is built', () => {
  const base = { templates: {}, parameters: {} };
  assert.throws(() => parseCitationProfile({ ...base, dates: { formats: ['MMMM '.repeat(3000) + 'YYYY'] } }), /longer than 64 characters/);
  assert.throws(() => parseCitationProfile({ ...base, dates: { formats: ['D D YYYY'] } }), /one year \(YYYY\) and at most one month and one day/);
  assert.throws(() => parseCitationProfile({ ...base, dates: { formats: ['D MMMM'] } }), /one year/);
  assert.throws(() => parseCitationProfile({ ...base, dates: { formats: Array(33).fill('YYYY') } }), /at most 32/);
  assert.throws(() => parseCitationProfile({ ...base, dates: { months: Array(12).fill('a'.repeat(51)) } }), /longer than 50 characters/);
  // the real forms still pass
  const ok = parseCitationProfile({ ...base, dates: { formats: ['YYYY թ․ MMMMG D', 'YYYY年M月D日', 'D. MMMM YYYY', 'ngày D tháng M năm YYYY', 'MMMM YYYY'] } });
  assert.equal(ok.dates?.formats?.length, 5);
});
