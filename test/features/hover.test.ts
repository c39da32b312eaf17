import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../server/src/core/analysis';
import { hover } from '../helpers/lspFeatures';
import { withCursor as cursor } from '../helpers/cursor';

const today = { year: 2026, month: 11, day: 28 };
const linkBase = 'https://en.wikipedia.org/wiki/';

/** Hover at the marker: [markdown, [start offset, end offset]] or null. */
function hoverAt(marked: string): [string, [number, number]] | null {
  const { text, offset } = cursor(marked);
  const a = analyse(text, { today });
  const h = hover(a, offset, { linkBase, today });
  if (!h) return null;
  const range = h.range!;
  return [(h.contents as { value: string }).value, [a.lines.offset(range.start.line, range.start.character), a.lines.offset(range.end.line, range.end.character)]];
}

test('ref reuse: the definition rendered as a citation, and the use counts', () => {
  assert.deepEqual(hoverAt('<ref name="a">{{cite web|url=http://a.org|title=T}}</ref> x<ref name="‸a" /><ref name="a"/>'), [
    '**Ref "a"**\n\n["T"](http://a.org).\n\nUsed 3 times: 1 definition, reused 2 times.', [69, 72]]);
});

test('ref never defined; hovering the tag itself covers the whole tag', () => {
  assert.deepEqual(hoverAt('<ref name="zz" ‸/>'), ['**Ref "zz"**\n\nNever defined: no `<ref name="zz">` with content on this page. Used 1 time.', [0, 17]]);
});

test('ref defined by plain text: its text without markup', () => {
  assert.deepEqual(hoverAt('<ref>x</ref><ref name="n">Some [[plain|text]] note</ref><r‸ef name="n" />'), [
    '**Ref "n"**\n\nSome text note\n\nUsed 2 times: 1 definition, reused 1 time.', [56, 72]]);
});

test('ref name given by {{r}}', () => {
  assert.deepEqual(hoverAt('<ref name="n">Note</ref>{{r|‸n}}'), ['**Ref "n"**\n\nNote\n\nUsed 2 times: 1 definition, reused 1 time.', [28, 29]]);
});

test('date values: meaning in words, or why invalid', () => {
  assert.deepEqual(hoverAt('{{cite web|url=http://a.org|title=T|access-date=‸2019-02-30}}'), ['**Invalid date** in `|access-date=`: 2019-02-30 does not exist.', [48, 58]]);
  assert.deepEqual(hoverAt('{{cite web|url=http://a.org|title=T|date=‸March 5–7, 2021}}'), ['**from 5 March 2021 to 7 March 2021**\n\nWritten in month day, year format.', [41, 56]]);
  assert.deepEqual(hoverAt('{{cite web|url=http://a.org|title=T|archive-date= 2021-0‸3-07 }}'), ['**7 March 2021 (a full date)**\n\nWritten in ISO format.', [50, 60]]);
  assert.deepEqual(hoverAt('{{cite book|title=T|date=‸c. 1970}}'), ['**about 1970 (circa)**', [25, 32]]);
});

test('url-status value: its meaning, and that it is ignored without archive-url', () => {
  assert.deepEqual(hoverAt('{{cite web|url=http://a.org|title=T|url-status=d‸ead}}'), [
    '`url-status=dead`: the original URL no longer works: the title links to the archive, and "Archived from the original" links the original.\n\nNo `archive-url`: CS1 ignores `url-status` (CS1 maint: url-status).', [47, 51]]);
  const invalid = hoverAt('{{cite web|url=http://a.org|title=T|archive-url=http://web.archive.org/web/20200101000000/http://a.org|archive-date=2020-01-01|url-status=De‸ad}}');
  assert.equal(invalid![0], '`url-status=Dead` is not a valid value (CS1 ignores it). Valid values: `dead`, `live`, `deviated`, `usurped`, `unfit`, `bot: unknown`.');
  // a name of Object.prototype is no value either (the meanings have no prototype)
  const proto = hoverAt('{{cite web|url=http://a.org|title=T|archive-url=http://web.archive.org/web/20200101000000/http://a.org|archive-date=2020-01-01|url-status=constr‸uctor}}');
  assert.equal(proto![0], '`url-status=constructor` is not a valid value (CS1 ignores it). Valid values: `dead`, `live`, `deviated`, `usurped`, `unfit`, `bot: unknown`.');
});

test('parameter names: description, aliases, alias of, required, unknown with suggestion', () => {
  assert.deepEqual(hoverAt('{{cite web|url=http://a.org|title=T|acc‸essdate=5 May 2020}}'), [
    '**`accessdate`** (alias of `access-date`): Full date the url was last verified to support the text; requires url.', [36, 46]]);
  assert.deepEqual(hoverAt('{{cite web|url=http://a.org|ti‸tle=}}'), [
    '**`title`**: Title of the cited source: an article or page in quotes, a book in italics.\n\nRequired in {{cite web}}.', [28, 33]]);
  assert.deepEqual(hoverAt('{{cite news| ‸work =W|title=T}}'), [
    '**`work`**: Name of the containing periodical or website, shown in italics.\n\nAliases: `website`, `newspaper`, `magazine`, `journal`, `periodical`', [13, 17]]);
  assert.deepEqual(hoverAt('{{cite web|url=http://a.org|titt‸le=T}}'), ['**`tittle`**: not a parameter of {{cite web}}; CS1 reports it as unknown.\n\nDid you mean `title`?', [28, 34]]);
  assert.equal(hoverAt('{{cite book|title=T|auth‸or2=X}}')![0],
    '**`author2`** (alias of `last2`): Surname of the Nth author (or the full name, in author).\n\nAliases: `author-last2`, `author2-last`, `surname2`, `author-surname2`, `author2-surname`, `subject2`, `host2`');
});

test('template names: citation, reference list, dead-link tag, ordinary template with its link', () => {
  assert.deepEqual(hoverAt('{{Ref‸list}}'), ['**{{Reflist}}**: reference list.\n\n[Template:Reflist](https://en.wikipedia.org/wiki/Template:Reflist)', [2, 9]]);
  assert.deepEqual(hoverAt('{{Infob‸ox person (x)|name=x}}'), [
    '**{{Infobox person (x)}}**: template.\n\n[Template:Infobox person (x)](https://en.wikipedia.org/wiki/Template:Infobox_person_%28x%29)', [2, 20]]);
  assert.deepEqual(hoverAt('{{dead l‸ink|date=May 2020}}'), ['**{{Dead link}}**: dead-link tag.\n\n[Template:Dead link](https://en.wikipedia.org/wiki/Template:Dead_link)', [2, 11]]);
  assert.deepEqual(hoverAt('{{Use dmy d‸ates}}'), ['**{{Use dmy dates}}**: page date format (dmy: 28 November 2026).\n\n[Template:Use dmy dates](https://en.wikipedia.org/wiki/Template:Use_dmy_dates)', [2, 15]]);
  assert.deepEqual(hoverAt('{{ef‸n|note}}'), ['**{{Efn}}**: footnote (makes a `<ref>` in a fixed group), group "lower-alpha".\n\n[Template:Efn](https://en.wikipedia.org/wiki/Template:Efn)', [2, 5]]);
});

test('citation: template info, preview, link state and problems with rule ids', () => {
  const head = '**{{cite web}}**: CS1 citation template, class `web`. Cites a web page that is not better described by another template.\n\nRequired: `title`, `url`.\n\n[Template:Cite web](https://en.wikipedia.org/wiki/Template:Cite_web)\n\n---\n\n';
  assert.deepEqual(hoverAt('{{cite web|url=http://a.org|title=T|website=W‸}}'), [
    head + '["T"](http://a.org). *W*.\n\n**Link:** Live link, no archive.\n\n**Problems:**\n- Warning `cite-missing-access-date`: Citation has |url= but no |access-date=: add the date the source was read', [0, 47]]);
  assert.deepEqual(hoverAt('{{cite web|url=http://a.org|tittle=T‸}}'), [
    head + '*(nothing CS1 would show)*\n\n**Link:** Live link, no archive.\n\n**Problems:**\n- Error `cite-missing-title`: Citation has no |title=\n- Warning `cite-missing-access-date`: Citation has |url= but no |access-date=: add the date the source was read\n- Error `cite-unknown-parameter`: Unknown parameter |tittle= is not a CS1 parameter; it is ignored (did you mean |title=?)', [0, 38]]);
  // the name of a citation: same content, range of the name
  const onName = hoverAt('{{cite w‸eb|url=http://a.org|title=T|website=W}}')!;
  assert.deepEqual(onName[1], [2, 10]);
  assert.ok(onName[0].startsWith(head + '["T"](http://a.org). *W*.'));
});

test('nothing to say: plain text, ref body text, broken wikitext', () => {
  assert.equal(hoverAt('plain ‸text'), null);
  assert.equal(hoverAt('<ref>some ‸text</ref>'), null);
  assert.equal(hoverAt('<ref>{{cite web|url=x|ti‸tle'), null);
  assert.equal(hoverAt('‸'), null);
});

test('Kazakhstan corpus: a named citation ref and a url-status value', () => {
  const text = readFileSync(join(__dirname, '../fixtures/corpus/Kazakhstan__Government_and_politics.wiki'), 'utf8');
  const a = analyse(text, { today });
  const at = text.indexOf('name="tokayev-wins"') + 8;
  const h = hover(a, at, { linkBase, today })!;
  assert.equal((h.contents as { value: string }).value,
    '**Ref "tokayev-wins"**\n\n["Nazarbayev ally wins big in Kazakhstan election after hundreds arrested"](https://www.theguardian.com/world/2019/jun/09/hundreds-arrested-as-kazakhs-protest-against-rigged-election). The Guardian. [Archived](https://web.archive.org/web/20190712033625/https://www.theguardian.com/world/2019/jun/09/hundreds-arrested-as-kazakhs-protest-against-rigged-election) from the original on 12 July 2019. Retrieved 12 July 2019.\n\nUsed 1 time: 1 definition, reused 0 times.');
  const value = text.indexOf('"tokayev-wins"');
  assert.deepEqual(h.range, { start: { line: 0, character: value }, end: { line: 0, character: value + '"tokayev-wins"'.length } });
  const live = text.indexOf('url-status=live') + 12;
  const h2 = hover(a, live, { linkBase, today })!;
  assert.equal((h2.contents as { value: string }).value, '`url-status=live`: the original is still good and was archived pre-emptively: the title links to the original.');
});

test('Barack Obama corpus: every citation hovers; hovers stay fast', () => {
  const text = readFileSync(join(__dirname, '../fixtures/corpus/tree-sitter-wikitext__Barack_Obama.wiki'), 'utf8');
  const a = analyse(text, { today });
  for (const c of a.citations) {
    const h = hover(a, c.template.nameNode.start + 1, { linkBase, today });
    assert.ok(h && (h.contents as { value: string }).value.includes('CS1 citation template'));
  }
  const started = performance.now();
  for (let o = 0; o < text.length; o += 97) hover(a, o, { linkBase, today });
  const perCall = (performance.now() - started) / Math.ceil(text.length / 97);
  assert.ok(perCall < 5, `hover took ${perCall} ms per call`);
});
