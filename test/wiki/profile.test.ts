/**
 * Site profiles from real wikis (an English and a German one from scripts/test-wiki.sh): what the wiki says
 * about its syntax, the parser reading it, and the disk cache. English results with the built-in profile are
 * covered by every other parser and rule test, which run unchanged.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WikiClient, fetchProfile, loadProfile, PROFILE_MAX_AGE_MS } from '../../server/src/wiki';
import { parse } from '../../server/src/core/parser/parse';
import { lint } from '../../server/src/core/lint/lint';
import { BUILTIN_PROFILE, type SiteProfile } from '../../server/src/core/profile';
import type { SyntaxNode, WikilinkNode, TemplateNode } from '../../server/src/core/parser/nodes';
import { wikiSkipReason, startTestWiki, TestWiki } from '../helpers/testWiki';

const skip = wikiSkipReason();
let en: TestWiki, de: TestWiki;
let enProfile: SiteProfile, deProfile: SiteProfile;
before(async () => {
  if (skip) return;
  [en, de] = await Promise.all([startTestWiki(), startTestWiki({ lang: 'de' })]);
  enProfile = await fetchProfile(new WikiClient({ api: en.api, name: `127.0.0.1:${en.port}` }));
  deProfile = await fetchProfile(new WikiClient({ api: de.api, name: `127.0.0.1:${de.port}` }));
});
after(() => {
  en?.stop();
  de?.stop();
});

function nodes(n: SyntaxNode, type: string, out: SyntaxNode[] = []): SyntaxNode[] {
  if (n.type === type) out.push(n);
  for (const c of n.children ?? []) nodes(c, type, out);
  return out;
}
const links = (text: string, p?: SiteProfile) => nodes(parse(text, undefined, p), 'Wikilink') as WikilinkNode[];

test('the profile holds what the wiki says: namespaces and aliases, magic words, tags, protocols, hooks, months', { skip }, () => {
  assert.equal(deProfile.lang, 'de');
  assert.equal(deProfile.case, 'first-letter');
  assert.match(deProfile.generator ?? '', /^MediaWiki 1\.39/);
  const file = deProfile.namespaces!.find((n) => n.id === 6)!;
  assert.equal(file.name, 'Datei');
  assert.equal(file.canonical, 'File');
  assert.ok(file.aliases.includes('Foto'), `the alias from LocalSettings: ${file.aliases}`);
  assert.ok(file.aliases.includes('Bild'));
  assert.equal(deProfile.namespaces!.find((n) => n.id === 14)!.name, 'Kategorie');
  assert.deepEqual(enProfile.namespaces!.find((n) => n.id === 6)!.aliases, ['Image']);
  assert.ok(deProfile.magicWords!.find((m) => m.name === 'notoc')!.aliases.includes('__KEIN_INHALTSVERZEICHNIS__'));
  assert.ok(deProfile.magicWords!.find((m) => m.name === 'redirect')!.aliases.includes('#WEITERLEITUNG'));
  assert.ok(enProfile.extensionTags!.includes('ref') && enProfile.extensionTags!.includes('references'));
  assert.ok(!enProfile.extensionTags!.includes('math'), 'the test wiki has no Math extension');
  assert.ok(enProfile.protocols!.includes('https://'));
  assert.ok(enProfile.functionHooks!.includes('if'), 'ParserFunctions is loaded');
  assert.equal(deProfile.months!.names[2], 'März');
  assert.equal(deProfile.months!.abbreviations[11], 'Dez.');
  assert.equal(enProfile.months!.genitive[0], 'January');
});

test('[[Datei:x.jpg|mini|Text [[Link]]]] is a file link with the de profile, an ordinary link with the English wiki\'s', { skip }, () => {
  const text = '[[Datei:x.jpg|mini|Text [[Link]]]]';
  const withDe = links(text, deProfile);
  assert.equal(withDe[0].kind, 'file');
  assert.equal(withDe[0].end, text.length, 'the caption holds the inner link');
  assert.deepEqual(withDe.map((l) => l.target), ['Datei:x.jpg', 'Link']);
  const withEn = links(text, enProfile);
  assert.ok(withEn.every((l) => l.kind === 'page'), withEn.map((l) => `${l.target}:${l.kind}`).join());
  assert.ok(!withEn.some((l) => l.target === 'Datei:x.jpg' && l.end === text.length), 'no file link around the caption');
  // an alias only the German wiki has: ordinary for the built-in English profile too
  const foto = '[[Foto:x.jpg|mini|Text [[Link]]]]';
  assert.equal(links(foto, deProfile)[0].kind, 'file');
  assert.ok(links(foto).every((l) => l.kind === 'page'));
  assert.ok(links(foto, BUILTIN_PROFILE).every((l) => l.kind === 'page'));
});

test('localised categories, behaviour switches, redirects, template namespace; extension tags the wiki has', { skip }, () => {
  assert.equal(links('[[Kategorie:Stadt]]', deProfile)[0].kind, 'category');
  assert.equal(links('[[Kategorie:Stadt]]', enProfile)[0].kind, 'page');
  assert.equal(nodes(parse('a __KEIN_INHALTSVERZEICHNIS__ b', undefined, deProfile), 'BehaviorSwitch').length, 1);
  assert.equal(nodes(parse('a __KEIN_INHALTSVERZEICHNIS__ b'), 'BehaviorSwitch').length, 0);
  assert.equal(nodes(parse('a __NOTOC__ b', undefined, deProfile), 'BehaviorSwitch').length, 1);
  assert.equal(nodes(parse('#WEITERLEITUNG [[Berlin]]', undefined, deProfile), 'Redirect').length, 1);
  assert.equal(nodes(parse('#WEITERLEITUNG [[Berlin]]'), 'Redirect').length, 0);
  assert.equal(nodes(parse('#REDIRECT [[Berlin]]', undefined, deProfile), 'Redirect').length, 1, 'English aliases stay valid');
  assert.equal((nodes(parse('{{Vorlage:Infobox Ort|a=1}}', undefined, deProfile), 'Template')[0] as TemplateNode).name, 'Infobox Ort');
  assert.equal((nodes(parse('{{Vorlage:Infobox Ort|a=1}}'), 'Template')[0] as TemplateNode).name, 'Vorlage:Infobox Ort');
  // <math> is an extension tag on Wikipedia, not on a wiki without the Math extension
  assert.equal(nodes(parse('<math>x<y</math>'), 'ExtensionTag').length, 1);
  assert.equal(nodes(parse('<math>x<y</math>', undefined, enProfile), 'ExtensionTag').length, 0);
  assert.equal(nodes(parse('a<ref>b</ref>', undefined, enProfile), 'ExtensionTag').length, 1);
  // the same text, the same tree, whatever the order of parses with different profiles
  const t = '[[Datei:x.jpg|mini|[[Link]]]] {{Vorlage:X}}';
  const a = JSON.stringify(links(t, deProfile).map((l) => [l.start, l.end, l.kind]));
  links(t, enProfile);
  links(t);
  assert.equal(JSON.stringify(links(t, deProfile).map((l) => [l.start, l.end, l.kind])), a);
});

test('lint results with the English test wiki\'s profile equal the built-in ones on the seed', { skip }, () => {
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  const seed = readFileSync(join(__dirname, '../../examples/Kazakhstan__Government_and_politics.wiki'), 'utf8');
  const today = { year: 2026, month: 11, day: 28 };
  const a = lint(seed, { today }).diagnostics, b = lint(seed, { today, profile: enProfile }).diagnostics;
  assert.deepEqual(b.map((d) => [d.rule, d.start, d.end, d.message]), a.map((d) => [d.rule, d.start, d.end, d.message]));
});

test('profile cache: fresh entries need no request, expired ones are fetched, --refresh fetches, a stale one serves when the wiki is down', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wikitext-lint-cache-'));
  const client = new WikiClient({ api: de.api, name: `127.0.0.1:${de.port}` }, { backoffMs: 10 });
  const first = await loadProfile(client, { cacheDir: dir });
  assert.equal(first.source, 'fetched');
  assert.ok(first.fetchMs! > 0);
  assert.deepEqual(readdirSync(join(dir, 'profiles')), [`127.0.0.1_${de.port}.json`]);
  const before = client.requestCount;
  const second = await loadProfile(client, { cacheDir: dir });
  assert.equal(second.source, 'cache');
  assert.equal(client.requestCount, before, 'no request for a fresh cache');
  assert.deepEqual(second.profile, first.profile);
  assert.equal((await loadProfile(client, { cacheDir: dir, now: Date.now() + PROFILE_MAX_AGE_MS + 1000 })).source, 'fetched');
  assert.equal((await loadProfile(client, { cacheDir: dir, refresh: true })).source, 'fetched');
  // en.wikipedia.org is built in: nothing fetched
  const builtin = await loadProfile(new WikiClient({ api: 'https://en.wikipedia.org/w/api.php', name: 'en.wikipedia.org' }, { fetch: () => assert.fail('fetched') }));
  assert.equal(builtin.source, 'built-in');
  de.kill();
  const stale = await loadProfile(client, { cacheDir: dir, refresh: true });
  assert.equal(stale.source, 'stale-cache');
  assert.match(stale.note!, /^127\.0\.0\.1:\d+: using the cached site profile from \d{4}-\d\d-\d\d \(0 days old\): connection refused/);
  await assert.rejects(loadProfile(client, { cacheDir: mkdtempSync(join(tmpdir(), 'wikitext-lint-cache-')) }), /connection refused/);
});
