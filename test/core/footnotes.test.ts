/**
 * Shortened footnotes: the names Module:Footnotes gives the refs of {{sfn}}, {{sfnp}} and {{sfnm}}
 * (core/footnotes.ts), and the ref model and rules that follow from them: a <ref name="FOOTNOTE…"/> reuse is
 * defined, identical calls are one ref, a different |ps= is a duplicate definition (as Cite reports it), and a
 * citation profile whose sfn takes name= (Armenian, Russian) names the ref by it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sfnFootnote, sfnmFootnote, stripUrl, isFootnoteYear } from '../../server/src/core/footnotes';
import { lint } from '../../server/src/core/lint/lint';
import { parse } from '../../server/src/core/parser/parse';
import { buildModel } from '../../server/src/core/model';
import { parseCitationProfile } from '../../server/src/core/citationProfile';

const today = { year: 2026, month: 1, day: 1 };
/** Arguments as MediaWiki hands them to the module: named ones trimmed, positional ones as written. */
const args = (positional: string[], named: Record<string, string> = {}) => (name: string) =>
  /^\d+$/.test(name) ? positional[Number(name) - 1] : Object.hasOwn(named, name) ? named[name] : undefined;
const refs = (text: string) => buildModel(parse(text)).refs;
const rule = (text: string, id: string, citationProfile?: ReturnType<typeof parseCitationProfile>) =>
  lint(text, { today, ...(citationProfile ? { citationProfile } : {}) }).diagnostics.filter((d) => d.rule === id);

test('{{sfn}} names: FOOTNOTE, the authors and year, then p, pp, loc (Template:Sfn documentation examples)', () => {
  assert.equal(sfnFootnote(args(['Smith', '2006'], { p: '25' })).name, 'FOOTNOTESmith200625');
  assert.equal(sfnFootnote(args(['Smith', '2006'], { pp: '25–26' })).name, 'FOOTNOTESmith200625–26');
  assert.equal(sfnFootnote(args(['Smith', '2006'], { loc: 'ch. 3' })).name, 'FOOTNOTESmith2006ch. 3');
  assert.equal(sfnFootnote(args(['Smith', 'Jones', '2006'], { p: '5', loc: 'fig. 2' })).name, 'FOOTNOTESmithJones20065fig. 2');
  assert.equal(sfnFootnote(args(['A', 'B', 'C', 'D', '2000'], { page: '7' })).name, 'FOOTNOTEABCD20007');
  assert.equal(sfnFootnote(args(['Smith', '2006'])).name, 'FOOTNOTESmith2006');
  // the module trims positional arguments; inner whitespace runs become one space
  assert.equal(sfnFootnote(args([' Van  Dyke\n', ' 2006 '], { loc: 'ch.\n 3' })).name, 'FOOTNOTEVan Dyke2006ch. 3');
});

test('{{sfn}} names: what is left out (|ps=, |ref=, a fifth positional that is not a year) and what wins', () => {
  const plain = sfnFootnote(args(['Smith', '2006'], { p: '25' }));
  const ps = sfnFootnote(args(['Smith', '2006'], { p: '25', ps: ': "a quotation".' }));
  const ref = sfnFootnote(args(['Smith', '2006'], { p: '25', ref: 'CITEREFSmithBook' }));
  assert.equal(ps.name, plain.name);
  assert.equal(ref.name, plain.name);
  assert.notEqual(ps.content, plain.content, 'the text differs, so Cite sees two definitions of one name');
  assert.notEqual(ref.content, plain.content);
  assert.equal(sfnFootnote(args(['A', 'B', 'C', 'D', 'E'])).name, 'FOOTNOTEABCD', 'core blanks a P5 that is not a year');
  assert.equal(sfnFootnote(args(['A', 'B', 'C', 'D', '1999a'])).name, 'FOOTNOTEABCD1999a');
  // Lua's `p or page`: a |p= that is present wins even when empty
  assert.equal(sfnFootnote(args(['A', '2000'], { p: '', page: '5' })).name, 'FOOTNOTEA2000');
  assert.equal(sfnFootnote(args(['A', '2000'], { page: '5' })).name, 'FOOTNOTEA20005');
  // sfnp: the same name, the year in brackets in the text
  const sfnp = sfnFootnote(args(['Smith', '2006'], { p: '25' }), { bracketYear: true });
  assert.equal(sfnp.name, plain.name);
  assert.equal(plain.content, '[[#CITEREFSmith2006|Smith 2006]], p.&nbsp;25.');
  assert.equal(sfnp.content, '[[#CITEREFSmith2006|Smith (2006)]], p.&nbsp;25.');
});

test('strip_url: an external link in p/pp/loc loses the URI-reserved characters of its URL in the name', () => {
  assert.equal(stripUrl('[https://example.org/x?y=1#z 5]'), '[httpsexampleorgxy1z 5]');
  assert.equal(sfnFootnote(args(['A', '2000'], { p: '[https://example.org/x?y=1#z 5]' })).name, 'FOOTNOTEA2000[httpsexampleorgxy1z 5]');
  assert.equal(stripUrl('12–14'), '12–14');
});

test('is_year: the forms Module:Footnotes accepts', () => {
  for (const y of ['2006', '2006a', '987', 'n.d.', 'nd', 'ndb', 'c. 1900', '1990–1995', '1990–95b']) assert.ok(isFootnoteYear(y), y);
  for (const y of ['Smith', '1990-1995', '20066', 'c.1900', '']) assert.ok(!isFootnoteYear(y), y);
});

test('{{sfnm}} names: each source\'s authors, year and locations in turn (named or positional pairs)', () => {
  assert.equal(sfnmFootnote(args([], { '1a1': 'Smith', '1y': '2006', '1p': '25', '2a1': 'Jones', '2a2': 'Brown', '2y': '2010', '2pp': '1–3' })).name,
    'FOOTNOTESmith200625JonesBrown20101–3');
  assert.equal(sfnmFootnote(args(['Smith', '2006', 'Jones', '2010'], { '1p': '25', '2loc': 'ch. 2' })).name, 'FOOTNOTESmith200625Jones2010ch. 2');
  const m = sfnmFootnote(args(['Smith', '2006', 'Jones', '2010'], { '1p': '25' }));
  assert.equal(m.content, '[[#CITEREFSmith2006|Smith 2006]], p.&nbsp;25; [[#CITEREFJones2010|Jones 2010]].');
  assert.equal(sfnmFootnote(args([], {})).name, 'FOOTNOTE');
});

test('the model: an {{sfn}} is a named definition; <ref name="FOOTNOTE…"/> reuses it (was a false "undefined name")', () => {
  const text = 'A.{{sfn|Smith|2006|p=25}} B.<ref name="FOOTNOTESmith200625" /> C.{{Sfn| Smith |2006|p = 25}}\n{{reflist}}\n';
  const r = refs(text);
  assert.equal(r.length, 3);
  assert.deepEqual(r.map((x) => [x.name, x.isDefinition, x.generatedName ?? false]), [
    ['FOOTNOTESmith200625', true, true], ['FOOTNOTESmith200625', false, false], ['FOOTNOTESmith200625', true, true],
  ]);
  assert.equal(r[0].nameNode, null, 'the name stands nowhere in the text');
  assert.deepEqual(rule(text, 'ref-undefined-name'), []);
  assert.deepEqual(rule(text, 'ref-duplicate-name'), [], 'identical calls are one ref reused');
  // English before this change: the same reuse with no {{sfn}} is undefined
  assert.equal(rule('B.<ref name="FOOTNOTESmith200625" />\n{{reflist}}\n', 'ref-undefined-name').length, 1);
  assert.equal(rule('A.{{sfn|Smith|2006|p=26}} B.<ref name="FOOTNOTESmith200625" />\n{{reflist}}\n', 'ref-undefined-name').length, 1, 'another page: another name');
});

test('ref-duplicate-name: one name, two texts (a different |ps=, {{sfn}} beside {{sfnp}}) is what Cite reports', () => {
  const ps = rule('A.{{sfn|Smith|2006|p=25}} B.{{sfn|Smith|2006|p=25|ps=: "quoted".}}\n{{reflist}}\n', 'ref-duplicate-name');
  assert.equal(ps.length, 1);
  assert.match(ps[0].message, /^\{\{Sfn\}\} makes the ref "FOOTNOTESmith200625" again with a different text/);
  assert.equal(rule('A.{{sfn|Smith|2006}} B.{{sfnp|Smith|2006}}\n{{reflist}}\n', 'ref-duplicate-name').length, 1);
  // a hand-written definition of a generated name with other content
  assert.equal(rule('A.{{sfn|Smith|2006}} B.<ref name="FOOTNOTESmith2006">Smith, p. 1.</ref>\n{{reflist}}\n', 'ref-duplicate-name').length, 1);
});

test('an argument that expands ({{harvid}}, a variable): the name cannot be known, FOOTNOTE… reuses are not reported', () => {
  const text = 'A.{{sfn|{{PAGENAME}}|2006}} B.<ref name="FOOTNOTEX2006" /> C.<ref name="other" />\n{{reflist}}\n';
  const r = refs(text);
  assert.equal(r[0].name, null);
  assert.equal(r[0].generatedName, true);
  assert.deepEqual(rule(text, 'ref-undefined-name').map((d) => d.message.slice(0, 32)), ['The named reference "other" is u']);
});

test('a local {{sfn|…|name=x}} (profile: refTemplates Sfn like sfn with name) defines ref x; English sfn has no name=', () => {
  const hy = parseCitationProfile({ site: 'hy.wikipedia.org', lang: 'hy', refTemplates: { Sfn: { like: 'sfn', parameters: { name: 'name', 'էջ': 'p' } } } });
  const text = 'Ա.{{sfn|Գրիգորյան|2016|էջ=5|name=grig}} Բ.<ref name="grig" /> Գ.<ref name="FOOTNOTEԳրիգորյան20165" />\n{{reflist}}\n';
  const withProfile = buildModel(parse(text), hy).refs;
  assert.equal(withProfile[0].name, 'grig');
  assert.equal(withProfile[0].isDefinition, true);
  assert.deepEqual(rule(text, 'ref-undefined-name', hy).map((d) => /"([^"]*)"/.exec(d.message)?.[1]), [
    'FOOTNOTEԳրիգորյան20165',
  ], 'a named local sfn makes no FOOTNOTE name');
  // without name= the local sfn makes the FOOTNOTE name, reading the local page parameter
  assert.equal(buildModel(parse('{{sfn|Գրիգորյան|2016|էջ=5}}'), hy).refs[0].name, 'FOOTNOTEԳրիգորյան20165');
  // English: name= and էջ= are not sfn parameters, so grig stays undefined and the name made has no page
  const english = rule(text, 'ref-undefined-name');
  assert.deepEqual(english.map((d) => /"([^"]*)"/.exec(d.message)?.[1]), ['grig', 'FOOTNOTEԳրիգորյան20165']);
  assert.equal(refs(text)[0].name, 'FOOTNOTEԳրիգորյան2016');
});

test('real wikitext (Animation, 2016): {{sfn}} refs reused by identical calls and by a FOOTNOTE reuse tag', () => {
  const text = readFileSync(join(__dirname, '../fixtures/corpus/gensim-enwiki__Animation_sfn-FRAGMENT.wiki'), 'utf8');
  const r = refs(text).filter((x) => x.generatedName);
  assert.equal(r.length, 8);
  assert.deepEqual([...new Set(r.map((x) => x.name))], [
    'FOOTNOTELaybourne199819–21', 'FOOTNOTESolomon198910-11', 'FOOTNOTENeupert2011', 'FOOTNOTESolomon19898–10',
    'FOOTNOTEDrazin20118-9', 'FOOTNOTESolomon198924', 'FOOTNOTESolomon198934',
  ]);
  const reuse = text.replace('{{sfn|Solomon|1989|p=34}}', '{{sfn|Solomon|1989|p=34}}<ref name="FOOTNOTENeupert2011" />');
  assert.deepEqual(rule(reuse, 'ref-duplicate-name'), []);
  // only the excerpt's own <ref name="UCLA"/> (defined elsewhere in the article) is undefined
  assert.deepEqual(rule(reuse, 'ref-undefined-name').map((d) => d.message.slice(0, 26)), ['The named reference "UCLA"']);
});

/** Hostile shortened footnotes: lint at 64 KB and 256 KB; linear is ~4×, quadratic ~16×; the bound is a generous ×10 (+100 ms). */
const KB = 1024;
const GROWTH: [string, (n: number) => string][] = [
  ['many {{sfn}} calls, reused by tags', (n) => '{{sfn|Smith|2006|p=1}}<ref name="FOOTNOTESmith20061"/>'.repeat(n / 56)],
  ['many distinct {{sfn}} names', (n) => Array.from({ length: Math.floor(n / 24) }, (_, i) => `{{sfn|A|2000|p=${i}}}`).join('')],
  ['one {{sfnm}} with thousands of sources', (n) => '{{sfnm' + Array.from({ length: Math.floor(n / 24) }, (_, i) => `|${i + 1}a1=x|${i + 1}y=2000`).join('') + '}}'],
  ['{{sfnm}} of positional pairs', (n) => '{{sfnm' + '|A|2000'.repeat(n / 7) + '}}'],
  ['an author of spaces', (n) => `{{sfn|${' '.repeat(n)}x|2000}}`],
  ['|p= of spaces then text', (n) => `{{sfn|A|2000|p=1${' '.repeat(n)}x}}`],
  ['|p= of external links', (n) => `{{sfn|A|2000|p=${'[http://a.b/c 1]'.repeat(n / 16)}}}`],
  ['|p= of "[a://" without a space', (n) => `{{sfn|A|2000|p=${'[a://'.repeat(n / 5)}}}`],
];

function timeLint(text: string): number {
  const t0 = performance.now();
  const r = lint(text, { today });
  const ms = performance.now() - t0;
  assert.deepEqual(r.ruleErrors, [], 'no rule throws');
  return ms;
}

for (const [name, make] of GROWTH) {
  test(`shortened footnotes stay linear on hostile input: ${name}`, { timeout: 60_000 }, () => {
    const small = make(64 * KB), large = make(256 * KB);
    timeLint(small); // warm up
    const tSmall = Math.max(timeLint(small), 2);
    const tLarge = timeLint(large);
    assert.ok(tLarge < tSmall * 10 + 100, `${name}: lint took ${tSmall.toFixed(1)} ms for 64 KB but ${tLarge.toFixed(1)} ms for 256 KB`);
  });
}
