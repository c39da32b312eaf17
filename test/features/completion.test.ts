import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { analyse } from '../../server/src/core/analysis';
import { completion } from '../helpers/lspFeatures';
import type { LintOptions } from '../../server/src/core/lint/lint';
import { withCursor as cursor } from '../helpers/cursor';

const today = { year: 2026, month: 11, day: 28 };

/** Completion items at the marker, with each edit's range as offsets. */
function complete(marked: string, options: LintOptions = { today }) {
  const { text, offset } = cursor(marked);
  const a = analyse(text, options);
  const list = completion(a, offset, options);
  const edit = (i: CompletionItem) => {
    const e = i.textEdit as TextEdit;
    return { text: e.newText, start: a.lines.offset(e.range.start.line, e.range.start.character), end: a.lines.offset(e.range.end.line, e.range.end.character) };
  };
  return { list, items: list.items, edit, offset, labels: list.items.map((i) => i.label) };
}

const sorted = (items: CompletionItem[]) => [...items].sort((x, y) => (x.sortText ?? x.label).localeCompare(y.sortText ?? y.label));

test('after {{ (unclosed, partly typed): citation templates with a snippet, then templates of the page', () => {
  const { items, edit, labels } = complete('{{Infobox person|name=x}}\n{{Reflist}}\nText<ref>{{ci‸');
  assert.equal(labels.length, 31);
  assert.deepEqual(labels.slice(0, 4), ['cite web', 'cite news', 'cite book', 'cite journal']);
  assert.deepEqual(labels.slice(-2), ['Infobox person', 'Reflist']);
  assert.deepEqual(edit(items[0]), {
    text: 'cite web |url=${1} |title=${2} |last=${3} |first=${4} |date=${5} |website=${6} |publisher=${7} |access-date=${8:2026-11-28} |archive-url=${9} |archive-date=${10} |url-status=${11}}}$0',
    start: 49, end: 51,
  });
  assert.equal(items[0].insertTextFormat, 2);
  assert.equal(items[0].detail, 'CS1 citation (web)');
});

test('after {{ closed by the editor: no second }}; the page date format is used', () => {
  const { items, edit } = complete('{{Use dmy dates}}\nx {{‸}}');
  const web = items.find((i) => i.label === 'cite web')!;
  assert.equal(edit(web).text, 'cite web |url=${1} |title=${2} |last=${3} |first=${4} |date=${5} |website=${6} |publisher=${7} |access-date=${8:28 November 2026} |archive-url=${9} |archive-date=${10} |url-status=${11}$0');
  assert.deepEqual([edit(web).start, edit(web).end], [22, 22]);
});

test('parameter names in an unclosed citation: missing ones only, no alias of a present one, most useful first', () => {
  const { items, edit } = complete('<ref>{{cite web|url=x|website=W|accessdate=1 May 2020|ac‸');
  const labels = sorted(items).map((i) => i.label);
  assert.deepEqual(labels.slice(0, 8), ['title', 'last', 'first', 'date', 'publisher', 'archive-url', 'archive-date', 'url-status']);
  for (const gone of ['url', 'URL', 'website', 'work', 'newspaper', 'access-date', 'accessdate']) assert.ok(!labels.includes(gone), gone);
  assert.ok(labels.includes('via'));
  assert.ok(!labels.includes('chapter'), 'chapter is ignored by cite web');
  const title = items.find((i) => i.label === 'title')!;
  assert.deepEqual(edit(title), { text: 'title=', start: 54, end: 56 });
  assert.equal(title.detail, 'required');
  assert.deepEqual(title.documentation, { kind: 'markdown', value: 'Title of the cited source: an article or page in quotes, a book in italics.' });
  const status = items.find((i) => i.label === 'url-status')!;
  assert.equal(status.command?.command, 'editor.action.triggerSuggest');
});

test('numbered names: the next author number once the first is present', () => {
  const { labels } = complete('{{cite book|last=A|first=B|title=T|‸}}');
  assert.ok(labels.includes('last2') && labels.includes('first2'));
  assert.ok(!labels.includes('last') && !labels.includes('author'));
});

test('parameter name completion in a closed citation, in the middle of the parameters', () => {
  const { items, edit } = complete('{{cite journal |title=T | jou‸ |volume=3}}');
  // cite journal's usual spelling of work is journal
  assert.equal(items.find((i) => i.label === 'work'), undefined);
  const labels = sorted(items).map((i) => i.label);
  assert.deepEqual(labels.slice(0, 5), ['last', 'first', 'date', 'journal', 'issue']);
  assert.ok(!labels.includes('volume'));
  assert.deepEqual(edit(items.find((i) => i.label === 'issue')!), { text: 'issue=', start: 26, end: 29 });
});

test('enumerated values after url-status=, df=, url-access=, name-list-style=', () => {
  const status = complete('{{cite web|url=x|archive-url=y|url-status=‸}}');
  assert.deepEqual(status.labels, ['dead', 'live', 'deviated', 'usurped', 'unfit', 'bot: unknown']);
  assert.deepEqual(status.edit(status.items[1]), { text: 'live', start: 42, end: 42 });
  assert.ok(String((status.items[1].documentation as { value: string }).value).startsWith('the original is still good'));
  assert.deepEqual(complete('{{cite web|url=x|df=d‸').labels, ['dmy', 'dmy-all', 'mdy', 'mdy-all', 'ymd', 'ymd-all']);
  const access = complete('{{cite news|url=x|url-access= su‸}}');
  assert.deepEqual(access.labels, ['subscription', 'registration', 'limited']);
  assert.deepEqual(access.edit(access.items[0]), { text: 'subscription', start: 30, end: 32 });
  assert.deepEqual(complete('{{cite book|title=T|name-list-style=‸}}').labels, ['amp', '&', 'ampersand', 'and', 'serial', 'vanc']);
});

test('dates: today in the page format, else the citation format, else the configured one, else ISO', () => {
  assert.deepEqual(complete('{{Use dmy dates}}\n<ref>{{cite web|url=x|access-date=‸').labels, ['28 November 2026']);
  assert.deepEqual(complete('{{Use mdy dates}}{{cite web|url=x|date=2020-01-01|access-date=‸}}').labels, ['November 28, 2026']);
  assert.deepEqual(complete('{{cite web|url=x|date=5 May 2020|access-date=‸}}').labels, ['28 November 2026']);
  assert.deepEqual(complete('{{cite web|url=x|date=May 5, 2020|accessdate=‸').labels, ['November 28, 2026']);
  assert.deepEqual(complete('{{cite web|url=x|date=‸}}').labels, ['2026-11-28']);
  assert.deepEqual(complete('{{cite web|url=x|access-date=‸}}', { today, config: { rules: {}, dateFormat: 'mdy' } }).labels, ['November 28, 2026']);
  // archive-date: the archive-url timestamp first
  const archive = complete('{{cite web|url=x|date=1 May 2019|archive-url=https://web.archive.org/web/20190401081832/http://x|archive-date=‸}}');
  assert.deepEqual(archive.labels, ['1 April 2019', '28 November 2026']);
  assert.equal(archive.items[0].detail, 'the date of the archive-url timestamp');
});

test('ref names after <ref name=" and <ref name=, with a preview of their content', () => {
  const doc = '<ref name="web">{{cite web|url=http://a.org|title=Alpha}}</ref><ref name="note">A note</ref><ref name="web" /><ref name="ghost" />\n';
  const quoted = complete(doc + 'x<ref name="‸');
  assert.deepEqual(quoted.labels, ['web', 'note', 'ghost']);
  assert.deepEqual(quoted.edit(quoted.items[0]), { text: 'web', start: doc.length + 12, end: doc.length + 12 });
  assert.equal(quoted.items[0].detail, 'used 2 times');
  assert.deepEqual(quoted.items[0].documentation, { kind: 'markdown', value: '["Alpha"](http://a.org).' });
  assert.deepEqual(quoted.items[1].documentation, { kind: 'markdown', value: 'A note' });
  assert.equal(quoted.items[2].detail, 'used once, never defined');
  const bare = complete(doc + 'x<ref name=no‸');
  assert.deepEqual(bare.edit(bare.items[1]), { text: '"note"', start: doc.length + 11, end: doc.length + 13 });
});

test('tags after <, with the closing tag of an open ref first', () => {
  const open = complete('x<ref>text <‸');
  assert.deepEqual(open.labels.slice(0, 5), ['/ref', 'ref', 'ref name', 'ref reuse', 'references']);
  assert.deepEqual(open.edit(open.items[0]), { text: '</ref>', start: 11, end: 12 });
  const plain = complete('x <re‸');
  assert.deepEqual(plain.labels.slice(0, 4), ['ref', 'ref name', 'ref reuse', 'references']);
  assert.deepEqual(plain.edit(plain.items[2]), { text: '<ref name="$1" />', start: 2, end: 5 });
  assert.deepEqual(plain.edit(plain.items[3]), { text: '<references />', start: 2, end: 5 });
});

test('link targets after [[', () => {
  const { labels, edit, items } = complete('[[Foo]] [[Bar|b]] [[Foo|f]] [[Category:X]] and [[F‸');
  assert.deepEqual(labels, ['Foo', 'Bar', 'Category:X']);
  assert.equal(items[0].detail, 'linked 2 times on this page');
  assert.deepEqual(edit(items[0]), { text: 'Foo', start: 49, end: 50 });
});

test('nothing outside a construct, in unknown templates after a pipe, or after a closed template', () => {
  assert.deepEqual(complete('plain text‸').labels, []);
  assert.deepEqual(complete('{{Infobox|name=‸}}').labels, []);
  assert.deepEqual(complete('{{cite web|url=x}} after‸').labels, []);
  assert.deepEqual(complete('{{cite web|url=x\n\nnew paragraph |‸').labels, []);
  assert.deepEqual(complete('<ref>{{cite web|url=x}}</ref> |‸').labels, []);
  assert.deepEqual(complete('‸').labels, []);
});

test('Kazakhstan corpus: a new citation typed on the long line, and a parameter inside an existing one', () => {
  const text = readFileSync(join(__dirname, '../fixtures/corpus/Kazakhstan__Government_and_politics.wiki'), 'utf8');
  const at = text.indexOf(' He was succeeded by');
  const { labels, items } = complete(text.slice(0, at) + '<ref>{{cite web |url=http://x.org |title=X |access-date=‸' + text.slice(at));
  assert.deepEqual(labels, ['2026-11-28']);
  assert.equal(items.length, 1);
  const inside = text.indexOf('|newspaper=Washington Post|') + 1;
  const names = complete(text.slice(0, inside) + '‸' + text.slice(inside)).labels;
  assert.ok(!names.includes('url') && !names.includes('title') && !names.includes('archive-url') && names.includes('date'));
});

test('Barack Obama corpus: completion stays fast everywhere', () => {
  const text = readFileSync(join(__dirname, '../fixtures/corpus/tree-sitter-wikitext__Barack_Obama.wiki'), 'utf8');
  const a = analyse(text, { today });
  let calls = 0;
  const started = performance.now();
  for (let o = 0; o < text.length; o += 211, calls++) completion(a, o, { today });
  const perCall = (performance.now() - started) / calls;
  assert.ok(perCall < 5, `completion took ${perCall} ms per call`);
  const refName = text.indexOf('<ref name="') + 11;
  const t0 = performance.now();
  const names = completion(a, refName, { today });
  assert.ok(names.items.length > 100);
  assert.ok(performance.now() - t0 < 50);
});
