/**
 * A wiki with no citation profile runs only the rules that hold in every language (`languages: 'any'`); the
 * English-only rules (CS1 names, dates, policy) are skipped there, and the CLI says so once for the whole run.
 * English Wikipedia (the built-in profile, or no site) runs every rule as before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../server/src/core/rules';
import { lint } from '../../server/src/core/lint/lint';
import { parseConfig } from '../../server/src/core/lint/config';
import { BUILTIN_PROFILE, type SiteProfile } from '../../server/src/core/profile';
import { skippedRulesNote } from '../../server/src/cli/main';

const de: SiteProfile = { site: 'de.wikipedia.org', lang: 'de', case: 'first-letter' };
const today = { year: 2026, month: 1, day: 1 };
const anyRules = new Set(rules.filter((r) => r.languages === 'any').map((r) => r.id));

test('every rule declares where it holds, and the language-independent ones are the expected set', () => {
  for (const r of rules) assert.ok(r.languages === 'any' || r.languages === 'en', `${r.id}: languages`);
  for (const id of ['ref-duplicate-name', 'ref-undefined-name', 'ref-unclosed', 'ref-nested', 'ref-empty', 'template-duplicate-parameter', 'cite-bad-isbn', 'cite-bad-issn', 'cite-bad-doi']) assert.ok(anyRules.has(id), id);
  for (const id of ['cite-bad-date', 'cite-unknown-parameter', 'cite-missing-access-date', 'cite-dead-link']) assert.ok(!anyRules.has(id), id);
});

const text = 'A.<ref name="a">{{cite web |url=http://example.org |title=T |date=19. Mai 2020 |titel=x |isbn=978-0-306-40615-8}}</ref> ' +
  'B.<ref name="a">other</ref> C.<ref name="zz"/> {{Foo|a=1|a=2}}\n<references/>\n';

test('no citation profile for a German wiki: only language-independent rules report', () => {
  const en = lint(text, { today });
  const onDe = lint(text, { today, profile: de });
  assert.ok(en.diagnostics.some((d) => d.rule === 'cite-bad-date'), 'English checks the date');
  assert.ok(en.diagnostics.some((d) => d.rule === 'cite-unknown-parameter'), 'English reports titel=');
  assert.deepEqual(en.skippedRules, []);
  assert.ok(onDe.diagnostics.length > 0);
  for (const d of onDe.diagnostics) assert.ok(anyRules.has(d.rule), `${d.rule} ran on de without a profile`);
  for (const id of ['ref-duplicate-name', 'ref-undefined-name', 'cite-bad-isbn', 'template-duplicate-parameter']) assert.ok(onDe.diagnostics.some((d) => d.rule === id), id);
  // what it reports is what English reports for those rules
  assert.deepEqual(onDe.diagnostics, en.diagnostics.filter((d) => anyRules.has(d.rule)));
  assert.ok(onDe.skippedRules.includes('cite-bad-date'));
  assert.equal(onDe.skippedFor, 'de.wikipedia.org (de)');
});

test('a citation profile, the built-in profile, an English wiki, or a rule set in the configuration: it runs', () => {
  assert.ok(lint(text, { today, profile: de, citationProfile: { templates: {}, parameters: {} } }).diagnostics.some((d) => d.rule === 'cite-bad-date'));
  assert.ok(lint(text, { today, profile: BUILTIN_PROFILE }).diagnostics.some((d) => d.rule === 'cite-bad-date'));
  assert.ok(lint(text, { today, profile: { site: '127.0.0.1:8080', lang: 'en' } }).diagnostics.some((d) => d.rule === 'cite-bad-date'));
  const r = lint(text, { today, profile: de, config: parseConfig({ rules: { 'cite-bad-date': 'warning' } }, new Set(rules.map((x) => x.id))) });
  assert.ok(r.diagnostics.some((d) => d.rule === 'cite-bad-date'));
  assert.ok(!r.skippedRules.includes('cite-bad-date') && r.skippedRules.includes('cite-unknown-parameter'));
});

test('the CLI says once which rules were skipped, for how many files, and how to run them', () => {
  const skipped = { rules: ['cite-bad-date', 'cite-unknown-parameter'], for: 'de.wikipedia.org (de)' };
  const note = skippedRulesNote([{ path: 'a', diagnostics: [], skipped }, { path: 'b', diagnostics: [], skipped }, { path: 'c', diagnostics: [] }]);
  assert.equal(note.split('\n').length, 2, 'one line');
  assert.match(note, /de\.wikipedia\.org \(de\): 2 files/);
  assert.match(note, /cite-bad-date, cite-unknown-parameter/);
  assert.match(note, /\.wikitext-lint\.json/);
  assert.equal(skippedRulesNote([{ path: 'c', diagnostics: [] }]), '');
});

const corpus = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'articles');
test('non-English corpus articles with their site and no profile: only language-independent findings', { skip: existsSync(corpus) ? false : 'no ../shared/corpus' }, () => {
  const files = readdirSync(corpus).filter((f) => /-(de|vi|uk|el|af|fr|nn|hi|bg)wiki__/.test(f));
  assert.ok(files.length >= 20, `${files.length} non-English articles`);
  let before = 0, after = 0;
  for (const f of files) {
    const lang = /-(\w\w)wiki__/.exec(f)![1];
    const src = readFileSync(join(corpus, f), 'utf8');
    const a = lint(src, { today, profile: { site: `${lang}.wikipedia.org`, lang } });
    before += lint(src, { today }).diagnostics.length;
    after += a.diagnostics.length;
    for (const d of a.diagnostics) assert.ok(anyRules.has(d.rule), `${f}: ${d.rule}`);
  }
  assert.ok(after < before, `${after} findings with the site set, ${before} as English`);
});

// page-language-mismatch: with no site configured, the text's own namespace names point to its wiki
const german = '[[Datei:Tor.jpg|mini|Tor]]\nText.<ref>{{cite web |url=http://example.org |title=T |date=19. Mai 2020}}</ref> {{Foo|a=1|a=2}}\n<references />\n[[Kategorie:Berlin]]\n';

test('no site and German namespace names: one note naming de.wikipedia.org, English-only rules skipped', () => {
  const r = lint(german, { today });
  const notes = r.diagnostics.filter((d) => d.rule === 'page-language-mismatch');
  assert.equal(notes.length, 1);
  assert.equal(notes[0].severity, 'info');
  assert.match(notes[0].message, /de\.wikipedia\.org/);
  assert.match(notes[0].message, /"site": "de\.wikipedia\.org"/);
  assert.equal(german.slice(notes[0].start, notes[0].end), '[[Datei:Tor.jpg|mini|Tor]]');
  assert.ok(!r.diagnostics.some((d) => d.rule === 'cite-bad-date'));
  assert.ok(r.diagnostics.some((d) => d.rule === 'template-duplicate-parameter'));
  assert.match(r.skippedFor ?? '', /de\.wikipedia\.org \(guessed/);
  // a site configured (even English): no guess, no note
  assert.ok(!lint(german, { today, profile: BUILTIN_PROFILE }).diagnostics.some((d) => d.rule === 'page-language-mismatch'));
  assert.ok(lint(german, { today, profile: BUILTIN_PROFILE }).diagnostics.some((d) => d.rule === 'cite-bad-date'));
});

test('the guess: other languages, shared names, and English links that outnumber the local ones', () => {
  const guess = (t: string) => /likely belongs to (\S+)\. /.exec(lint(t, { today }).diagnostics.find((d) => d.rule === 'page-language-mismatch')?.message ?? '')?.[1];
  assert.equal(guess('[[Категорія:Київ]] [[Файл:a.png]]'), 'uk.wikipedia.org');
  assert.equal(guess('[[Thể loại:Việt Nam]]'), 'vi.wikipedia.org');
  assert.equal(guess('[[Kategorie:X]] [[Soubor:a.png]]'), 'cs.wikipedia.org', 'Soubor decides between de and cs');
  assert.equal(guess('[[Kategorie:X]] [[Lêer:a.png]]'), 'af.wikipedia.org');
  assert.equal(guess('[[Category:A]] [[Category:B]] [[Kategorie:X]]'), undefined);
  assert.equal(guess('[[:Kategorie:X]] [[Berlin]]'), undefined, 'a colon link is a link, not a category');
  assert.equal(guess('[[File:a.png]] text [[Category:A]]'), undefined);
});

test('corpus: non-English articles mostly get the note, English ones never do', { skip: existsSync(corpus) ? false : 'no ../shared/corpus' }, () => {
  let en = 0, other = 0, right = 0;
  for (const f of readdirSync(corpus)) {
    const m = /-(\w+?)wiki__/.exec(f);
    const lang = m?.[1];
    if (lang === 'simple' || lang === 'ltg' || (lang && lang !== 'en' && !/^(de|vi|uk|el|af|fr|nn|hi|bg)$/.test(lang))) continue;
    const isEnglish = !lang || lang === 'en';
    if (!isEnglish) other++;
    else if (++en % 4) continue; // a quarter of the English articles keeps this test short
    const note = lint(readFileSync(join(corpus, f), 'utf8'), { today }).diagnostics.find((d) => d.rule === 'page-language-mismatch');
    if (isEnglish) assert.equal(note, undefined, `${f}: ${note?.message}`);
    else if (note?.message.includes(`${lang}.wikipedia.org`)) right++;
  }
  assert.ok(right >= other * 0.8, `${right} of ${other} non-English articles named their wiki`);
});

test('shared namespace names: the other namespaces decide, else the candidates are named, never one wrong wiki', () => {
  const note = (t: string) => lint(t, { today }).diagnostics.find((d) => d.rule === 'page-language-mismatch');
  const guess = (t: string) => /likely belongs to (\S+)\. /.exec(note(t)?.message ?? '')?.[1];
  // Afrikaans writes Kategorie: as German and Czech do; Lêer: (its File namespace) decides
  assert.equal(guess('[[Kategorie:X]] [[Lêer:a.png]]'), 'af.wikipedia.org');
  assert.equal(guess('[[Datei:a.png]] [[Kategorie:X]]'), 'de.wikipedia.org', 'Datei: and Kategorie: are German (bar and ksh are small wikis)');
  const kategorie = note('[[Kategorie:Suid-Afrikaanse skrywers]] [[Kategorie:Gebore in 1956]]');
  assert.ok(kategorie);
  assert.match(kategorie.message, /one of de\.wikipedia\.org, cs\.wikipedia\.org, af\.wikipedia\.org\./);
  assert.doesNotMatch(kategorie.message, /"site": "/, 'no single wiki is suggested');
  // Kategori: and Fil: are Nynorsk's, Bokmål's, Swedish's and Danish's: candidates; an interlanguage link to sv rules sv out
  const nn = note('[[Fil:a.png]] [[Kategori:Selskap]] [[sv:Statoil]]')!.message;
  for (const w of ['nn.wikipedia.org', 'no.wikipedia.org', 'da.wikipedia.org']) assert.ok(nn.includes(w), w);
  assert.ok(!nn.includes('sv.wikipedia.org'), 'the page links to the Swedish wiki: it is not it');
  assert.ok(!nn.includes('id.wikipedia.org'), 'Fil: is not Indonesian');
  const r = lint('[[Kategorie:X]]\n<ref>{{cite web |url=http://example.org |title=T |date=19. Mai 2020}}</ref>\n<references/>\n', { today });
  assert.ok(!r.diagnostics.some((d) => d.rule === 'cite-bad-date'), 'English-only rules skipped for an ambiguous guess too');
  assert.match(r.skippedFor ?? '', /de\.wikipedia\.org or cs\.wikipedia\.org or af\.wikipedia\.org \(guessed/);
});

test('English File: links are valid on every wiki: local categories outnumbering English ones decide (el, bg)', () => {
  const guess = (t: string) => /likely belongs to (?:one of )?([^ ]+(?:, [^ ]+)*)\. /.exec(lint(t, { today }).diagnostics.find((d) => d.rule === 'page-language-mismatch')?.message ?? '')?.[1];
  const files = '[[File:a.png]] '.repeat(6);
  assert.equal(guess(`${files}[[Αρχείο:b.png]] [[Κατηγορία:Αυστρία]]`), 'el.wikipedia.org');
  assert.equal(guess(`${files}[[Κατηγορία:Αυστρία]]`), 'el.wikipedia.org');
  // Категория: is Bulgarian's and Russian's own name: both named, Ukrainian (an alias there) not
  assert.equal(guess(`${files}[[Категория:Календари]]`), 'ru.wikipedia.org, bg.wikipedia.org');
  // English categories outnumbering the local one still make it English
  assert.equal(guess('[[Category:A]] [[Category:B]] [[Κατηγορία:X]]'), undefined);
});
