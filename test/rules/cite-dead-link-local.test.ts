/**
 * cite-dead-link on another wiki: the suggested tag is the wiki's own dead-link template (a citation profile's
 * `refTemplates` entry `like: "dead link"`), dated in its local date parameter in the wiki's own date format; a
 * non-English wiki whose profile names none gets no tag suggestion (an English {{dead link}} may not exist there),
 * and the archive snippet uses the template's local parameter names. English is unchanged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core/lint/lint';
import { parseCitationProfile } from '../../server/src/core/citationProfile';
import type { CitationProfile } from '../../server/src/core/profile';

const today = { year: 2026, month: 12, day: 1 };
const run = (text: string, citationProfile?: CitationProfile) => {
  const r = lint(text, { today, ...(citationProfile ? { citationProfile, profile: { site: `${citationProfile.lang}.wikipedia.org`, lang: citationProfile.lang } } : {}) });
  return r.diagnostics.filter((d) => d.rule === 'cite-dead-link');
};
const fixTitles = (d: ReturnType<typeof run>[number]) => (d.fixes ?? []).map((f) => f.title);
const tagEdit = (d: ReturnType<typeof run>[number]) => d.fixes!.find((f) => f.title.startsWith('Tag with'))?.edits[0];

const hy = parseCitationProfile({
  site: 'hy.wikipedia.org', lang: 'hy',
  templates: { 'Cite web': 'cite web' }, parameters: {},
  refTemplates: { 'Չաշխատող արտաքին հղում': { like: 'dead link', parameters: { 'ամսաթիվ': 'date' } } },
  dates: {
    months: ['հունվար', 'փետրվար', 'մարտ', 'ապրիլ', 'մայիս', 'հունիս', 'հուլիս', 'օգոստոս', 'սեպտեմբեր', 'հոկտեմբեր', 'նոյեմբեր', 'դեկտեմբեր'],
    genitive: ['հունվարի', 'փետրվարի', 'մարտի', 'ապրիլի', 'մայիսի', 'հունիսի', 'հուլիսի', 'օգոստոսի', 'սեպտեմբերի', 'հոկտեմբերի', 'նոյեմբերի', 'դեկտեմբերի'],
    formats: ['YYYY թ․ MMMMG D', 'YYYY թ․ MMMM'],
  },
});
const dead = '<ref>{{Cite web |url=http://example.am/a |title=T |url-status=dead}}</ref>';

test('English: the suggestion is {{dead link|date=Month YYYY}}, as before', () => {
  const [d] = run(dead);
  assert.deepEqual(fixTitles(d), ['Add |archive-url= and |archive-date= (fill them in)', 'Tag with {{dead link|date=December 2026}}']);
  assert.deepEqual(tagEdit(d), { start: dead.indexOf('</ref>'), end: dead.indexOf('</ref>'), newText: '{{dead link|date=December 2026}}' });
});

test('a profile naming the local dead-link template: that template, dated in its local parameter and the wiki\'s month format', () => {
  const [d] = run(dead, hy);
  assert.equal(d.message, 'Citation is marked |url-status=dead but has no |archive-url=: readers have no working link');
  assert.deepEqual(tagEdit(d), { start: dead.indexOf('</ref>'), end: dead.indexOf('</ref>'), newText: '{{Չաշխատող արտաքին հղում|ամսաթիվ=2026 թ․ դեկտեմբեր}}' });
  // the tag the wiki uses is recognised as one: tagged, the citation is reported as tagged and no second tag is offered
  const tagged = '<ref>{{Cite web |url=http://example.am/a |title=T}}{{Չաշխատող արտաքին հղում|ամսաթիվ=2020 թ․ մայիս}}</ref>';
  const [t] = run(tagged, hy);
  assert.equal(t.message, 'Citation is tagged {{dead link}} and has no |archive-url=: readers have no working link');
  assert.ok(!fixTitles(t).some((x) => x.startsWith('Tag with')));
});

test('the date: a full-date format when the wiki has no month-year one, ISO when it has none, no date without a date parameter', () => {
  const full = parseCitationProfile({ ...hy, dates: { ...hy.dates, formats: ['YYYY թ․ MMMMG D'] } });
  assert.equal(tagEdit(run(dead, full)[0])!.newText, '{{Չաշխատող արտաքին հղում|ամսաթիվ=2026 թ․ դեկտեմբերի 1}}');
  const none = parseCitationProfile({ ...hy, dates: undefined });
  assert.equal(tagEdit(run(dead, none)[0])!.newText, '{{Չաշխատող արտաքին հղում|ամսաթիվ=2026-12-01}}');
  const bare = parseCitationProfile({ ...hy, refTemplates: { 'Չաշխատող արտաքին հղում': { like: 'dead link' } } });
  assert.equal(tagEdit(run(dead, bare)[0])!.newText, '{{Չաշխատող արտաքին հղում}}');
  // local digits where the wiki writes them
  const bn = parseCitationProfile({
    lang: 'bn', templates: {}, parameters: {},
    refTemplates: { 'অকার্যকর সংযোগ': { like: 'dead link', parameters: { 'তারিখ': 'date' } } },
    dates: { digits: '০১২৩৪৫৬৭৮৯', months: ['জানুয়ারি', 'ফেব্রুয়ারি', 'মার্চ', 'এপ্রিল', 'মে', 'জুন', 'জুলাই', 'আগস্ট', 'সেপ্টেম্বর', 'অক্টোবর', 'নভেম্বর', 'ডিসেম্বর'], formats: ['D MMMM YYYY', 'MMMM YYYY'] },
  });
  assert.equal(tagEdit(run(dead, bn)[0])!.newText, '{{অকার্যকর সংযোগ|তারিখ=ডিসেম্বর ২০২৬}}');
});

test('a non-English profile naming no dead-link template: the problem is reported, no English {{dead link}} is suggested', () => {
  const noTag = parseCitationProfile({ ...hy, refTemplates: undefined });
  const [d] = run(dead, noTag);
  assert.equal(d.message, 'Citation is marked |url-status=dead but has no |archive-url=: readers have no working link');
  assert.deepEqual(fixTitles(d), ['Add |archive-url= and |archive-date= (fill them in)']);
  // an English-language profile (a third-party English wiki) keeps the English tag
  const en = parseCitationProfile({ lang: 'en', templates: {}, parameters: {} });
  assert.equal(tagEdit(run(dead, en)[0])!.newText, '{{dead link|date=December 2026}}');
});

test('the archive snippet uses the template\'s local parameter names', () => {
  const de = parseCitationProfile({
    lang: 'de', templates: { Internetquelle: 'cite web' }, parameters: {},
    templateParameters: { Internetquelle: { url: 'url', titel: 'title', 'archiv-url': 'archive-url', 'archiv-datum': 'archive-date', abruf: 'access-date' } },
    refTemplates: { 'Toter Link': { like: 'dead link' } },
  });
  const text = '<ref>{{Internetquelle |url=http://example.de/a |titel=T |abruf=2020-01-02}}{{Toter Link}}</ref>';
  const [d] = run(text, de);
  const fix = d.fixes![0];
  assert.equal(fix.title, 'Add |archiv-url= and |archiv-datum= (fill them in)');
  assert.equal(fix.edits[0].newText, ' |archiv-url=${1:https://web.archive.org/web/} |archiv-datum=${2:date}');
});

test('cite-missing-access-date adds the template\'s own name for access-date on a profiled wiki (English unchanged)', () => {
  const de = parseCitationProfile({
    lang: 'de', templates: { Internetquelle: 'cite web' }, parameters: {},
    templateParameters: { Internetquelle: { url: 'url', titel: 'title', abruf: 'access-date', zugriff: 'access-date' } },
    rules: { 'cite-missing-access-date': true },
  });
  const text = '<ref>{{Internetquelle |url=http://example.de/a |titel=T}}</ref>';
  const [d] = lint(text, { today, citationProfile: de, profile: { site: 'de.wikipedia.org', lang: 'de' } }).diagnostics.filter((x) => x.rule === 'cite-missing-access-date');
  assert.equal(d.fixes![0].title, 'Add |abruf=2026-12-01');
  assert.equal(d.fixes![0].edits[0].newText, ' |abruf=2026-12-01');
  const [en] = lint('<ref>{{cite web |url=http://example.org/a |title=T}}</ref>', { today }).diagnostics.filter((x) => x.rule === 'cite-missing-access-date');
  assert.equal(en.fixes![0].edits[0].newText, ' |access-date=2026-12-01');
});

test('a template that takes CS1\'s own name (a CS1-style {{Cite web}} with local aliases) gets CS1\'s name', () => {
  const de = parseCitationProfile({
    lang: 'de', templates: { 'Cite web': 'cite web' }, parameters: {},
    templateParameters: { 'Cite web': { abrufdatum: 'access-date', url: 'url', title: 'title', 'access-date': 'access-date', 'url-status': 'url-status' } },
    rules: { 'cite-missing-access-date': true },
  });
  const [d] = lint('<ref>{{Cite web |url=http://example.de/a |title=T}}</ref>', { today, citationProfile: de, profile: { site: 'de.wikipedia.org', lang: 'de' } }).diagnostics.filter((x) => x.rule === 'cite-missing-access-date');
  assert.equal(d.fixes![0].edits[0].newText, ' |access-date=2026-12-01');
});
