import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../server/src/core/analysis';
import { citationPreview, describeLinkState, linkState } from '../../server/src/core/citationInfo';
import { plainTextOfWikitext as plainText } from '../../server/src/core/plainText';

const today = { year: 2026, month: 11, day: 28 };
const first = (text: string) => {
  const a = analyse(text, { today });
  return { a, c: a.citations[0] };
};

test('web citation with authors, work, archive (dead) and access date', () => {
  const { a, c } = first('<ref>{{cite web |url=http://x.org/p |title=The Page |last=Smith |first=John |last2=Doe |first2=Ann |date=5 March 2019 |website=Example |publisher=Ex Corp |archive-url=https://web.archive.org/web/20190401081832/http://x.org/p |archive-date=1 April 2019 |access-date=2 March 2020}}</ref>');
  assert.equal(citationPreview(c, a.text),
    'Smith, John; Doe, Ann (5 March 2019). ["The Page"](https://web.archive.org/web/20190401081832/http://x.org/p). *Example*. Ex Corp. Archived from [the original](http://x.org/p) on 1 April 2019. Retrieved 2 March 2020.');
  assert.deepEqual(linkState(c), { kind: 'dead-archived', archiveService: 'Wayback Machine', archiveDate: '1 April 2019' });
  assert.equal(describeLinkState(linkState(c)), 'Dead link, archived at Wayback Machine of 1 April 2019 (the title links to the archive).');
});

test('book in italics with location, publisher and pages; no author puts the date after the publisher', () => {
  const { a, c } = first('{{cite book |title=A History |location=London |publisher=Penguin |date=1999 |pages=3–7 |isbn=978-0-14-303943-3}}');
  assert.equal(citationPreview(c, a.text), '*A History*. London: Penguin. 1999. pp. 3–7.');
  assert.deepEqual(linkState(c), { kind: 'no-url' });
});

test('journal: volume bold, issue and pages after the journal', () => {
  const { a, c } = first("{{cite journal |author=Roe, R. |year=2001 |title=On ''things'' |journal=Nature |volume=12 |issue=3 |pages=45–67 |url=http://n.com/a}}");
  assert.equal(citationPreview(c, a.text), 'Roe, R. (2001). ["On things"](http://n.com/a). *Nature*. **12** (3): 45–67.');
  assert.deepEqual(linkState(c), { kind: 'live' });
});

test('link states: live archive, usurped, dead-link tag, url-status=dead without archive', () => {
  const state = (t: string) => linkState(first(t).c);
  assert.deepEqual(state('{{cite web|url=http://a.org|title=T|archive-url=https://archive.today/abc|archive-date=2020-01-01|url-status=live}}'),
    { kind: 'live-archived', archiveService: 'archive.today', archiveDate: '2020-01-01' });
  assert.deepEqual(state('{{cite web|url=http://a.org|title=T|archive-url=https://web.archive.org/web/20200102030405/http://a.org|url-status=usurped}}'),
    { kind: 'usurped', archiveService: 'Wayback Machine', archiveDate: '2020-01-02' });
  assert.deepEqual(state('<ref>{{cite web|url=http://a.org|title=T}} {{dead link|date=May 2020}}</ref>'), { kind: 'dead', deadBecause: 'dead-link-tag' });
  assert.deepEqual(state('{{cite web|url=http://a.org|title=T|url-status=dead}}'), { kind: 'dead', deadBecause: 'url-status' });
  const usurped = first('{{cite web|url=http://a.org|title=T|archive-url=https://web.archive.org/web/20200102030405/http://a.org|archive-date=2 January 2020|url-status=usurped}}');
  assert.equal(citationPreview(usurped.c, usurped.a.text), '["T"](https://web.archive.org/web/20200102030405/http://a.org). Archived from the original on 2 January 2020.');
});

test('markup is reduced to text and Markdown is escaped', () => {
  assert.equal(plainText("[[Foo|bar]] ''it'' <!-- c --> a{{!}}b &amp; [http://x.org text]"), 'bar it a|b & text');
  const { a, c } = first('{{cite web|url=http://a.org/(x)|title=A *star* [1]}}');
  assert.equal(citationPreview(c, a.text), '["A \\*star\\* \\[1\\]"](http://a.org/%28x%29).');
});

test('Kazakhstan corpus: every citation previews, live archives link the title to the original', () => {
  const text = readFileSync(join(__dirname, '../fixtures/corpus/Kazakhstan__Government_and_politics.wiki'), 'utf8');
  const a = analyse(text, { today });
  assert.ok(a.citations.length >= 40);
  for (const c of a.citations) assert.ok(citationPreview(c, a.text).length > 0);
  const usNews = a.citations.find((c) => c.value('last1') === 'Auyezov')!;
  assert.equal(citationPreview(usNews, a.text),
    'Auyezov, Olzhas (19 March 2019). ["Kazakhstan\'s Leader Nazarbayev Resigns After Three Decades in Power"](https://www.usnews.com/news/world/articles/2019-03-19/president-of-kazakhstan-nursultan-nazarbayev-resigns). *US News*. [Archived](https://web.archive.org/web/20190401081832/https://www.usnews.com/news/world/articles/2019-03-19/president-of-kazakhstan-nursultan-nazarbayev-resigns) from the original on 1 April 2019. Retrieved 1 April 2019.');
});
