/**
 * Hover and completion on another wiki: with a citation profile, a date value is read as that wiki's citation module
 * reads it (local month names, genitives, digits, the profile's own formats) and shown as written; completion offers
 * today's date in the wiki's own format (the citation's local format, else the profile's first full format, ISO on a
 * non-English wiki whose profile has none). Without a profile both behave as on English Wikipedia.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../server/src/core/analysis';
import { hover, completion } from '../helpers/lspFeatures';
import { withCursor as cursor } from '../helpers/cursor';
import { parseCitationProfile } from '../../server/src/core/citationProfile';
import type { CitationProfile } from '../../server/src/core/profile';
import type { LintOptions } from '../../server/src/core/lint/lint';

const today = { year: 2026, month: 12, day: 1 };
const linkBase = 'https://example.org/wiki/';
const shipped = (site: string) => parseCitationProfile(JSON.parse(readFileSync(join(__dirname, '..', '..', 'server', 'data', 'citation-profiles', `${site}.json`), 'utf8')), site);
const hy = shipped('hy.wikipedia.org');
const bn = shipped('bn.wikipedia.org');
const ja = shipped('ja.wikipedia.org');
const de = parseCitationProfile({
  lang: 'de',
  templates: { Internetquelle: 'cite web' },
  parameters: {},
  templateParameters: { Internetquelle: { url: 'url', titel: 'title', datum: 'date', abruf: 'access-date', 'archiv-url': 'archive-url', 'archiv-datum': 'archive-date' } },
  dates: {
    months: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    formats: ['D. MMMM YYYY', 'DD.MM.YYYY', 'MMMM YYYY'],
  },
});

const options = (citationProfile?: CitationProfile): LintOptions => ({ today, ...(citationProfile ? { citationProfile, profile: { site: `${citationProfile.lang}.wikipedia.org`, lang: citationProfile.lang } } : {}) });

function hoverAt(marked: string, citationProfile?: CitationProfile): string | null {
  const { text, offset } = cursor(marked);
  const h = hover(analyse(text, options(citationProfile)), offset, { linkBase, today });
  return h ? (h.contents as { value: string }).value : null;
}

function labelsAt(marked: string, citationProfile?: CitationProfile): string[] {
  const { text, offset } = cursor(marked);
  const o = options(citationProfile);
  return completion(analyse(text, o), offset, o).items.map((i) => i.label);
}

test('hover: a German date in a local template is recognised and shown as written', () => {
  const text = '<ref>{{Internetquelle |url=http://a.de |titel=T |datum=19. M‸ai 2020}}</ref>';
  assert.equal(hoverAt(text, de), '**19. Mai 2020**: 19 May 2020 (a full date)\n\nWritten in this wiki\'s format `D. MMMM YYYY`.');
  // an impossible date is still one, under its local parameter name
  assert.equal(hoverAt('{{Internetquelle |url=http://a.de |titel=T |abruf=31. Feb‸ruar 2020}}', de), '**Invalid date** in `|abruf=`: 31. Februar 2020 does not exist.');
  // an access date is checked as an access date (the canonical name, not the local one)
  assert.match(hoverAt('{{Internetquelle |url=http://a.de |titel=T |abruf=1. Mai 19‸99}}', de)!, /^\*\*Invalid date\*\* in `\|abruf=`: an access date cannot be before Wikipedia began/);
  // without the profile the same text is not a citation at all, and in {{cite web}} the German date is English's problem
  assert.equal(hoverAt('{{cite web |url=http://a.de |title=T |date=19. M‸ai 2020}}'), '**Invalid date** in `|date=`: "Mai" is not a month name.');
});

test('hover: the issue\'s Armenian, Japanese and Bengali dates with the shipped maps', () => {
  assert.equal(hoverAt('{{Cite web |url=http://a.am |title=T |date=2016 թ․ դեկտեմ‸բերի 19}}', hy), '**2016 թ․ դեկտեմբերի 19**: 19 December 2016 (a full date)\n\nWritten in this wiki\'s format `YYYY թ․ MMMMG D`.');
  assert.equal(hoverAt('{{Cite book|和書|title=T|date=2010年1‸月15日}}', ja), '**2010年1月15日**: 15 January 2010 (a full date)\n\nWritten in this wiki\'s format `YYYY年M月D日`.');
  assert.equal(hoverAt('{{ওয়েব উদ্ধৃতি |ইউআরএল=http://a.bd |শিরোনাম=T |তারিখ=১৫ জানু‸য়ারি ২০১০}}', bn), '**১৫ জানুয়ারি ২০১০**: 15 January 2010 (a full date)\n\nWritten in this wiki\'s format `D MMMM YYYY`.');
  assert.equal(hoverAt('{{Cite book|和書|title=T|date=2010年2月3‸1日}}', ja), '**Invalid date** in `|date=`: 2010年2月31日 does not exist.');
  // an ISO date on a profiled wiki reads as before
  assert.equal(hoverAt('{{Cite web |url=http://a.am |title=T |date=2016-1‸2-19}}', hy), '**19 December 2016 (a full date)**\n\nWritten in ISO format.');
  // the rendered citation shows the date as written, with no problem listed
  const whole = hoverAt('{{Cite web |url=http://a.am |title=T |date=2016 թ․ դեկտեմբերի 19‸}}', hy)!;
  assert.match(whole, /\["T"\]\(http:\/\/a\.am\)\. 2016 թ․ դեկտեմբերի 19\./);
  assert.doesNotMatch(whole, /Problems/);
});

test('hover: a wiki whose module does not check dates says so', () => {
  const unchecked = parseCitationProfile({ lang: 'xx', templates: {}, parameters: {}, dates: { check: false } });
  assert.equal(hoverAt('{{cite web |url=http://a.org |title=T |date=whe‸never}}', unchecked), '`|date=`: this wiki\'s citation module does not check dates.');
});

test('completion: today in the wiki\'s format for a local date parameter', () => {
  assert.deepEqual(labelsAt('<ref>{{Internetquelle |url=http://a.de |titel=T |abruf=‸', de), ['1. Dezember 2026']);
  assert.deepEqual(labelsAt('{{Cite web |url=http://a.am |title=T |access-date=‸}}', hy), ['2026 թ․ դեկտեմբերի 1']);
  assert.deepEqual(labelsAt('{{Cite web|url=http://a.jp|title=T|accessdate=‸}}', ja), ['2026年12月1日']);
  assert.deepEqual(labelsAt('{{ওয়েব উদ্ধৃতি |ইউআরএল=http://a.bd |শিরোনাম=T |সংগ্রহের-তারিখ=‸}}', bn), ['১ ডিসেম্বর ২০২৬']);
});

test('completion: the citation\'s own format wins: another local format, or ISO', () => {
  assert.deepEqual(labelsAt('{{Internetquelle |url=http://a.de |titel=T |datum=05.03.2020 |abruf=‸}}', de), ['01.12.2026']);
  assert.deepEqual(labelsAt('{{Internetquelle |url=http://a.de |titel=T |datum=2020-03-05 |abruf=‸}}', de), ['2026-12-01']);
  // a Wayback timestamp gives the archive date in the wiki's format too
  assert.deepEqual(labelsAt('{{Internetquelle |url=http://a.de |titel=T |archiv-url=https://web.archive.org/web/20200304050607/http://a.de |archiv-datum=‸}}', de), ['4. März 2020', '1. Dezember 2026']);
});

test('completion: ISO on a non-English wiki whose profile has no date format; English unchanged', () => {
  const fr = parseCitationProfile({ lang: 'fr', templates: { 'Lien web': 'cite web' }, parameters: { 'consulté le': 'access-date' } });
  assert.deepEqual(labelsAt('{{Lien web |url=http://a.fr |consulté le=‸}}', fr), ['2026-12-01']);
  // even where the page asks for English day-month-year dates (an English convention)
  assert.deepEqual(labelsAt('{{Use dmy dates}}{{cite web |url=http://a.fr |access-date=‸}}', fr), ['2026-12-01']);
  // no profile: as on English Wikipedia
  assert.deepEqual(labelsAt('{{Use dmy dates}}{{cite web |url=http://a.org |access-date=‸}}'), ['1 December 2026']);
  assert.deepEqual(labelsAt('{{cite web |url=http://a.org |access-date=‸}}'), ['2026-12-01']);
  // an English-language profile without formats keeps the English choice
  const en = parseCitationProfile({ lang: 'en', templates: {}, parameters: {} });
  assert.deepEqual(labelsAt('{{Use dmy dates}}{{cite web |url=http://a.org |access-date=‸}}', en), ['1 December 2026']);
});

test('completion: the citation snippet after {{ fills access-date with today in the wiki\'s format', () => {
  const { text, offset } = cursor('<ref>{{ci‸');
  const o = options(hy);
  const web = completion(analyse(text, o), offset, o).items.find((i) => i.label === 'cite web')!;
  assert.match((web.textEdit as { newText: string }).newText, /\|access-date=\$\{8:2026 թ․ դեկտեմբերի 1\}/);
});

test('hover on a local template and its local parameter names: what they are on this wiki, not "not accepted"', () => {
  assert.equal(hoverAt('{{Internetquelle |url=http://a.de |titel=T |ab‸ruf=2020-01-01}}', de),
    "**`abruf`** (this wiki's name for `access-date`): Full date the url was last verified to support the text; requires url.");
  assert.equal(hoverAt('{{Internetquelle |url=http://a.de |ti‸tel=T}}', de),
    "**`titel`** (this wiki's name for `title`): Title of the cited source: an article or page in quotes, a book in italics.\n\nRequired in {{cite web}}.");
  assert.match(hoverAt('{{Internet‸quelle |url=http://a.de |titel=T}}', de)!, /^\*\*\{\{Internetquelle\}\}\*\*: this wiki's citation template checked as CS1's \{\{cite web\}\}, class `web`\./);
  // what it requires, in its own names
  assert.match(hoverAt('{{Internet‸quelle |url=http://a.de |titel=T}}', de)!, /\n\nRequired: `titel`, `url`\.\n\n/);
  // English names are as before
  assert.match(hoverAt('{{Cite w‸eb |url=http://a.de |title=T}}', de)!, /^\*\*\{\{cite web\}\}\*\*: CS1 citation template, class `web`\./);
  assert.match(hoverAt('{{cite web |url=http://a.org |title=T |access‸date=2020-01-01}}')!, /^\*\*`accessdate`\*\* \(alias of `access-date`\)/);
});

test('completion: a local template offers its own parameter names, each saying which CS1 parameter it is', () => {
  const { text, offset } = cursor('<ref>{{Internetquelle |url=http://a.de |‸');
  const o = options(de);
  const items = completion(analyse(text, o), offset, o).items;
  const sorted = [...items].sort((x, y) => x.sortText!.localeCompare(y.sortText!));
  assert.deepEqual(sorted.map((i) => [i.label, i.detail]), [
    ['titel', 'CS1 title, required'], ['datum', 'CS1 date'], ['abruf', 'CS1 access-date'], ['archiv-url', 'CS1 archive-url'], ['archiv-datum', 'CS1 archive-date'],
  ]);
  assert.equal((sorted[0].textEdit as { newText: string }).newText, 'titel=');
  // an English template on the same wiki: CS1's own names, as before
  const en = cursor('<ref>{{cite web |url=http://a.de |‸');
  const enItems = completion(analyse(en.text, o), en.offset, o).items.map((i) => i.label);
  assert.ok(enItems.includes('title') && enItems.includes('access-date') && !enItems.includes('titel'));
});
