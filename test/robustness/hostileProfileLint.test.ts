/**
 * The core with hostile citation profiles and pages (issue 13's surface): profiles with thousands of templates,
 * prototype keys, aliases that map to each other, pathological month names and formats, local digits that are
 * combining marks or lone surrogates; pages with thousands of dead-link tags or namespace links. No rule
 * throws, results are what the data says, and growth is linear: ratios with generous bounds, no time budgets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core/lint/lint';
import { parseCitationProfile } from '../../server/src/core/citationProfile';
import type { CitationProfile } from '../../server/src/core/profile';

const KB = 1024;
const today = { year: 2026, month: 1, day: 1 };
const site = { site: 'it.wikipedia.org', lang: 'it' } as const;
const MONTHS = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];

function lintWith(text: string, cp?: CitationProfile) {
  const r = lint(text, cp ? { today, profile: site as never, citationProfile: cp } : { today });
  assert.deepEqual(r.ruleErrors, [], 'no rule throws');
  return r.diagnostics as { rule: string; message: string }[];
}
function timeLint(text: string, cp?: CitationProfile): number {
  const t0 = performance.now();
  lintWith(text, cp);
  return performance.now() - t0;
}
/** The faster of three runs (the machine is shared). */
function best(text: string, cp?: CitationProfile): number {
  return Math.min(timeLint(text, cp), timeLint(text, cp), timeLint(text, cp));
}

test('a page with thousands of dead-link tags in one ref stays linear', { timeout: 120_000 }, () => {
  const make = (n: number) => `<ref>{{cite web |url=https://example.org/ |title=T}}${'{{dead link}}'.repeat(n / 13)}</ref>\n<references />\n`;
  const small = make(64 * KB), large = make(256 * KB);
  timeLint(small);
  const tSmall = Math.max(best(small), 2);
  const tLarge = best(large);
  assert.ok(tLarge < tSmall * 10 + 100, `64 KB: ${tSmall.toFixed(1)} ms, 256 KB: ${tLarge.toFixed(1)} ms`);
});

/** A profile with `n` extra citation templates, each with its own parameter map, besides {{Cita web}}. */
function bigProfile(n: number): CitationProfile {
  const templates: Record<string, string> = { 'Cita web': 'cite web' };
  const templateParameters: Record<string, Record<string, string>> = {};
  const unmappedParameters: Record<string, string[]> = {};
  for (let i = 0; i < n; i++) {
    templates[`Modello ${i}`] = 'cite web';
    templateParameters[`Modello ${i}`] = { titolo: 'title' };
    unmappedParameters[`Modello ${i}`] = ['nota'];
  }
  return parseCitationProfile({ templates, parameters: { titolo: 'title', data: 'date' }, templateParameters, unmappedParameters, notCitations: Array.from({ length: n }, (_, i) => `Non ${i}`), dates: { months: MONTHS, formats: ['D MMMM YYYY'] } });
}

test('a profile with 100,000 templates costs a keystroke no more than one with 1,000 (it is read once, not per lint)', { timeout: 120_000 }, () => {
  const page = '<ref>{{Cita web |url=https://example.org/ |titolo=T |data=5 maggio 2020}}</ref>\n'.repeat(20) + '<references />\n';
  const small = bigProfile(1_000), large = bigProfile(100_000);
  lintWith(page, small);
  lintWith(page, large); // the first lint with a profile may prepare it
  const tSmall = Math.max(best(page, small), 2);
  const tLarge = best(page, large);
  assert.ok(tLarge < tSmall * 5 + 20, `1,000 templates: ${tSmall.toFixed(1)} ms per lint; 100,000: ${tLarge.toFixed(1)} ms`);
  // and the large profile still reads the page as the small one does
  assert.deepEqual(lintWith(page, large).map((d) => d.rule), lintWith(page, small).map((d) => d.rule));
});

test('parameter aliases that map to each other are one step, not a loop', () => {
  const cp = parseCitationProfile({ templates: { 'Cita web': 'cite web' }, parameters: { a: 'b', b: 'a', titolo: 'url', url: 'title', title: 'url' } });
  const d = lintWith('<ref>{{Cita web |url=Titolo |titolo=https://example.org/ |a=1 |b=2}}</ref>\n<references />\n', cp);
  // url → title (a title), titolo → url (a URL): nothing missing; a and b are names CS1 does not know
  assert.ok(!d.some((x) => x.rule === 'cite-missing-title' || x.rule === 'cite-missing-url'), JSON.stringify(d));
  assert.equal(d.filter((x) => x.rule === 'cite-unknown-parameter').length, 2, JSON.stringify(d));
});

test('prototype keys in a profile are ordinary names', () => {
  const cp = parseCitationProfile(JSON.parse('{"templates":{"__proto__":"cite web","constructor":"cite news","toString":"cite book"},"parameters":{"__proto__":"title","valueOf":"url"},"templateParameters":{"hasOwnProperty":{"x":"title"}},"refTemplates":{"__proto__":{"like":"reflist"}},"rules":{"__proto__":true}}'));
  const d = lintWith('<ref>{{__proto__ |__proto__=T |valueOf=https://example.org/}}</ref>\n<ref>{{constructor |__proto__=T}}</ref>\n', cp);
  assert.ok(!d.some((x) => x.rule === 'cite-missing-title'), JSON.stringify(d));
  // {{valueOf}}, {{isPrototypeOf}} are no citation templates: an inherited name must not make one
  assert.deepEqual(lintWith('<ref>{{valueOf |x=1}}</ref>{{isPrototypeOf |y=2}}<references />', cp).filter((x) => x.rule.startsWith('cite-')), []);
});

const PATHOLOGICAL: [string, Record<string, unknown>, (n: number) => string][] = [
  ['month names that are prefixes of each other, with spaces', { months: Array.from({ length: 12 }, (_, i) => 'a '.repeat(i + 1).trim()), genitive: Array.from({ length: 12 }, (_, i) => 'a'.repeat(i + 1)), formats: ['D MMMM YYYY', 'MMMMG D YYYY', 'YYYY MMMM D', 'D. MMMMG YYYY'] },
    (n) => `<ref>{{Cita web |url=https://example.org/ |titolo=T |data=1 ${'a '.repeat(45)}x |accesso=${'a'.repeat(90)}!}}</ref>\n`.repeat(n / 240)],
  ['month names of regex characters', { months: ['.*', '(a+)+', '[', '\\', '$', '^', '|', '?', '+', '{1,}', ')', '(?:'], formats: ['D MMMM YYYY', 'MMMM YYYY'] },
    (n) => `<ref>{{Cita web |url=https://example.org/ |titolo=T |data=1 (a+)+ 2020 |accesso=${'a'.repeat(60)}b 2020}}</ref>\n`.repeat(n / 130)],
  ['one long literal format', { months: MONTHS, formats: ['D' + ' -'.repeat(26) + ' MMMM YYYY'] },
    (n) => `<ref>{{Cita web |url=https://example.org/ |titolo=T |data=1${' -'.repeat(40)} maggio 2020}}</ref>\n`.repeat(n / 150)],
  ['digits that are combining marks', { digits: '\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309', months: MONTHS, formats: ['D MMMM YYYY'] },
    (n) => `<ref>{{Cita web |url=https://example.org/ |titolo=T |data=\u0301\u0302 maggio \u0302\u0300\u0301\u0300 |accesso=${'\u0301'.repeat(80)}}}</ref>\n`.repeat(n / 150)],
  ['digits that are lone surrogates', { digits: '\ud800\ud801\ud802\ud803\ud804\ud805\ud806\ud807\ud808\ud809', months: MONTHS, formats: ['D MMMM YYYY'] },
    (n) => `<ref>{{Cita web |url=https://example.org/ |titolo=T |data=\ud801\ud802 maggio \ud802\ud800\ud801\ud800 |accesso=\udc00\ud800x}}</ref>\n`.repeat(n / 120)],
];

for (const [name, dates, make] of PATHOLOGICAL) {
  test(`local dates stay linear: ${name}`, { timeout: 120_000 }, () => {
    const cp = parseCitationProfile({ templates: { 'Cita web': 'cite web' }, parameters: { titolo: 'title', data: 'date', accesso: 'access-date' }, dates });
    const small = make(64 * KB), large = make(256 * KB);
    timeLint(small, cp);
    const tSmall = Math.max(best(small, cp), 2);
    const tLarge = best(large, cp);
    assert.ok(tLarge < tSmall * 10 + 100, `${name}: 64 KB ${tSmall.toFixed(1)} ms, 256 KB ${tLarge.toFixed(1)} ms`);
  });
}

test('local digits as combining marks read a date like any digits', () => {
  const cp = parseCitationProfile({ templates: { 'Cita web': 'cite web' }, parameters: { titolo: 'title', data: 'date' }, dates: { digits: '\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309', months: MONTHS, formats: ['D MMMM YYYY'] } });
  // 31 February 2020 in those digits is wrong, 12 May 2020 is right
  const bad = lintWith('<ref>{{Cita web |url=https://example.org/ |titolo=T |data=\u0303\u0301 febbraio \u0302\u0300\u0302\u0300}}</ref>\n<references />\n', cp);
  const good = lintWith('<ref>{{Cita web |url=https://example.org/ |titolo=T |data=\u0301\u0302 maggio \u0302\u0300\u0302\u0300}}</ref>\n<references />\n', cp);
  assert.equal(bad.filter((d) => d.rule === 'cite-bad-date').length, 1, JSON.stringify(bad));
  assert.equal(good.filter((d) => d.rule === 'cite-bad-date').length, 0, JSON.stringify(good));
});

test('language guesses on pages with thousands of namespace and interlanguage links stay linear', { timeout: 120_000 }, () => {
  const make = (n: number) => '[[Kategorie:X]] [[de:Y]] [[Datei:a.png]] [[Category:Z]] [[fr:W]] [[Categoría:V]]\n'.repeat(n / 80);
  const small = make(64 * KB), large = make(256 * KB);
  timeLint(small);
  const tSmall = Math.max(best(small), 2);
  const tLarge = best(large);
  assert.ok(tLarge < tSmall * 10 + 100, `64 KB: ${tSmall.toFixed(1)} ms, 256 KB: ${tLarge.toFixed(1)} ms`);
});

test('local digits that repeat a character or hold a space are refused (they would rewrite every date)', () => {
  for (const digits of ['0000000000', '01234 6789', '\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0668']) {
    assert.throws(() => parseCitationProfile({ templates: {}, parameters: {}, dates: { digits } }), /"dates"\."digits" must be ten different characters/);
  }
  assert.equal(parseCitationProfile({ templates: {}, parameters: {}, dates: { digits: '\u09e6\u09e7\u09e8\u09e9\u09ea\u09eb\u09ec\u09ed\u09ee\u09ef' } }).dates?.digits?.length, 10);
});
