/**
 * Dates as another wiki's citation module reads them (a citation profile's `dates`): local month names, genitive
 * forms, abbreviations, local digits and the profile's own formats are accepted, and impossible dates are still
 * found. With no profile the English validator is used unchanged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCs1Date } from '../../server/src/core/cs1/dates';
import type { CitationDates, CitationProfile } from '../../server/src/core/profile';
import { lint, fixAll } from '../../server/src/core/lint/lint';

const today = { year: 2026, month: 1, day: 1 };

const de: CitationDates = {
  months: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  abbreviations: ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sep.', 'Okt.', 'Nov.', 'Dez.'],
  formats: ['D. MMMM YYYY', 'D. MMM YYYY', 'DD.MM.YYYY', 'MMMM YYYY'],
};
const hy: CitationDates = {
  months: ['հունվար', 'փետրվար', 'մարտ', 'ապրիլ', 'մայիս', 'հունիս', 'հուլիս', 'օգոստոս', 'սեպտեմբեր', 'հոկտեմբեր', 'նոյեմբեր', 'դեկտեմբեր'],
  genitive: ['հունվարի', 'փետրվարի', 'մարտի', 'ապրիլի', 'մայիսի', 'հունիսի', 'հուլիսի', 'օգոստոսի', 'սեպտեմբերի', 'հոկտեմբերի', 'նոյեմբերի', 'դեկտեմբերի'],
  formats: ['YYYY թ․ MMMMG D', 'YYYY թ. MMMMG D', 'YYYY թ․ MMMM'],
};
const ja: CitationDates = { formats: ['YYYY年M月D日', 'YYYY年M月'] };
const bn: CitationDates = {
  digits: '০১২৩৪৫৬৭৮৯',
  months: ['জানুয়ারি', 'ফেব্রুয়ারি', 'মার্চ', 'এপ্রিল', 'মে', 'জুন', 'জুলাই', 'আগস্ট', 'সেপ্টেম্বর', 'অক্টোবর', 'নভেম্বর', 'ডিসেম্বর'],
};
const uk: CitationDates = {
  months: ['січень', 'лютий', 'березень', 'квітень', 'травень', 'червень', 'липень', 'серпень', 'вересень', 'жовтень', 'листопад', 'грудень'],
  genitive: ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
  formats: ['D MMMMG YYYY р.', 'D MMMMG YYYY р'],
};

const ok = (v: string, d: CitationDates, param = 'date') => {
  const r = parseCs1Date(v, param, today, d);
  assert.ok(r.ok, `${v}: ${!r.ok ? r.reason : ''}`);
  return r;
};
const bad = (v: string, d: CitationDates, reason?: RegExp, param = 'date') => {
  const r = parseCs1Date(v, param, today, d);
  assert.equal(r.ok, false, `${v} should be rejected`);
  if (!r.ok && reason) assert.match(r.reason, reason);
};

test('German: local month names and formats accepted, 31 February still impossible', () => {
  assert.deepEqual(ok('19. Mai 2020', de).start, { year: 2020, month: 5, day: 19 });
  assert.equal(ok('19. Mai 2020', de).format, 'dmy');
  assert.deepEqual(ok('3. Okt. 2019', de).start, { year: 2019, month: 10, day: 3 });
  assert.deepEqual(ok('07.03.2021', de).start, { year: 2021, month: 3, day: 7 });
  assert.equal(ok('März 2020', de).kind, 'month');
  assert.equal(ok('2020-05-19', de).format, 'ymd', 'ISO is accepted everywhere');
  assert.equal(ok('19 May 2020', de).format, 'dmy', 'English names stay accepted, as in CS1');
  assert.equal(ok('19 Mai 2020', de).format, 'dmy', 'a local name in a CS1 pattern');
  bad('31. Februar 2020', de, /31\. Februar 2020 does not exist/);
  bad('29.02.2021', de, /does not exist/);
  bad('19. Mai 2099', de, /future/);
  bad('19. Mai 2000', de, /Wikipedia began/, 'access-date');
  bad('31.13.2020', de, /month 13/);
  bad('19. Maii 2020', de);
  bad('2020-02-30', de, /does not exist/);
});

test('Armenian: genitive months with the year suffix, year first', () => {
  const r = ok('2016 թ․ դեկտեմբերի 19', hy);
  assert.deepEqual(r.start, { year: 2016, month: 12, day: 19 });
  assert.equal(r.format, 'ymd');
  ok('2016 թ. դեկտեմբերի 19', hy);
  assert.equal(ok('2016 թ․ դեկտեմբեր', hy).kind, 'month');
  bad('2016 թ․ փետրվարի 30', hy, /does not exist/);
  bad('2016 թ․ դեկտեմբերի 19', { ...hy, formats: [] }, undefined);
});

test('Japanese: 年月日 with numeric months', () => {
  assert.deepEqual(ok('2010年1月15日', ja).start, { year: 2010, month: 1, day: 15 });
  assert.equal(ok('2010年1月', ja).kind, 'month');
  bad('2010年2月30日', ja, /does not exist/);
  bad('2010年13月1日', ja, /month 13/);
  bad('2010年1月15日', {}, undefined);
});

test('Bengali digits and month names; Ukrainian genitive with р.', () => {
  assert.deepEqual(ok('১৫ জানুয়ারি ২০১০', bn).start, { year: 2010, month: 1, day: 15 });
  assert.deepEqual(ok('২০১০-০১-১৫', bn).start, { year: 2010, month: 1, day: 15 });
  bad('৩০ ফেব্রুয়ারি ২০১০', bn, /does not exist/);
  assert.deepEqual(ok('15 січня 2010', uk).start, { year: 2010, month: 1, day: 15 });
  assert.deepEqual(ok('15 січня 2010 р.', uk).start, { year: 2010, month: 1, day: 15 });
  assert.equal(ok('січень 2010', uk).kind, 'month');
  bad('30 лютого 2010', uk, /30 лютого 2010 does not exist/);
});

test('no profile: the English validator exactly (local forms are not dates)', () => {
  assert.equal(parseCs1Date('19. Mai 2020', 'date', today).ok, false);
  assert.deepEqual(parseCs1Date('7 March 2021', 'date', today), parseCs1Date('7 March 2021', 'date', today, undefined));
});

const profile = (dates?: CitationDates): CitationProfile => ({
  site: 'de.wikipedia.org', lang: 'de',
  templates: { Internetquelle: 'cite web' },
  parameters: { titel: 'title', abruf: 'access-date', datum: 'date', 'archiv-url': 'archive-url', 'archiv-datum': 'archive-date' },
  ...(dates ? { dates } : {}),
});
const page = '<ref>{{Internetquelle |url=https://example.org/a |titel=A |datum=19. Mai 2020 |abruf=3. Okt. 2021}}</ref>\n' +
  '<ref>{{Internetquelle |url=https://example.org/b |titel=B |datum=31. Februar 2020 |abruf=2021-10-03}}</ref>\n<references />\n';

test('the date rules follow the profile: local dates pass, impossible ones are reported', () => {
  const withDates = lint(page, { today, citationProfile: profile(de) }).diagnostics.filter((d) => d.rule === 'cite-bad-date');
  assert.deepEqual(withDates.map((d) => page.slice(d.start, d.end)), ['31. Februar 2020']);
  const without = lint(page, { today, citationProfile: profile() }).diagnostics.filter((d) => d.rule === 'cite-bad-date');
  assert.equal(without.length, 3, 'without dates in the profile, German dates are not CS1 dates');
  const off = lint(page, { today, citationProfile: profile({ ...de, check: false }) }).diagnostics;
  assert.ok(!off.some((d) => d.rule === 'cite-bad-date' || d.rule === 'cite-archive-date-mismatch'), 'dates.check false: no date rule');
});

test('a fix that writes a date on a profiled wiki writes ISO, and creates no finding', () => {
  const text = '<ref>{{Internetquelle |url=https://example.org/a |titel=A |datum=19. Mai 2020 |archiv-url=https://web.archive.org/web/20200601000000/https://example.org/a |archiv-datum=3. Okt. 2021}}</ref>\n<references />\n';
  const p = profile(de);
  const r = lint(text, { today, citationProfile: p });
  const mismatch = r.diagnostics.find((d) => d.rule === 'cite-archive-date-mismatch');
  assert.ok(mismatch, 'the archive date differs from the snapshot');
  assert.equal(mismatch.fixes[0].edits[0].newText, '2020-06-01');
  const fixed = fixAll(text, { today, citationProfile: p }, 'cite-archive-date-mismatch').text;
  assert.match(fixed, /archiv-datum=2020-06-01/);
  assert.ok(!lint(fixed, { today, citationProfile: p }).diagnostics.some((d) => d.rule === 'cite-bad-date' || d.rule === 'cite-archive-date-mismatch'));
  // the access-date fix writes ISO too
  const missing = lint('<ref>{{Internetquelle |url=https://example.org/a |titel=A}}</ref>\n<references />\n', { today, citationProfile: { ...p, rules: { 'cite-missing-access-date': true } } }).diagnostics.find((d) => d.rule === 'cite-missing-access-date');
  if (missing) assert.match(missing.fixes.map((f) => f.edits.map((e) => e.newText).join('')).join(' '), /2026-01-01/);
});

test('hostile local dates stay linear: long values are refused before any pattern, short ones are bounded', () => {
  const d: CitationDates = { ...hy, ...bn, formats: [...(hy.formats ?? []), 'D MMMM YYYY'] };
  const time = (n: number) => {
    const v = '2016 թ․ '.repeat(n / 2) + 'դեկտեմբերի '.repeat(n / 4) + '১'.repeat(n);
    const t = process.hrtime.bigint();
    for (let i = 0; i < 20; i++) parseCs1Date(v + i, 'date', today, d);
    return Number(process.hrtime.bigint() - t);
  };
  time(10000);
  const small = time(10000), big = time(100000);
  assert.ok(big < small * 40 + 2e8, `10x input took ${big / small}x`);
  // the worst short value: names and spaces up to the length bound
  assert.equal(parseCs1Date('դեկտեմբերի '.repeat(9), 'date', today, d).ok, false);
});
