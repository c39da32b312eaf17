/**
 * Reading a wiki's Module:Citation/CS1/Configuration as data (server/src/wiki/cs1Configuration.ts): the local
 * aliases and keywords of viwiki's tables (test/fixtures/wiki/vi/Module:Citation%2FCS1%2FConfiguration.wiki, entries
 * copied from viwiki's module) become profile names and values; Lua that is not data is skipped, never run; English
 * Wikipedia's own tables give nothing; hostile text ends quickly with what could be read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configurationFacts, readLuaTable } from '../../server/src/wiki/cs1Configuration';
import { lint } from '../../server/src/core/lint/lint';
import { parseCitationProfile } from '../../server/src/core/citationProfile';
import { analyse } from '../../server/src/core/analysis';
import { hover, completion } from '../helpers/lspFeatures';
import { withCursor } from '../helpers/cursor';

const VI = readFileSync(join(__dirname, '..', 'fixtures', 'wiki', 'vi', 'Module:Citation%2FCS1%2FConfiguration.wiki'), 'utf8');

test('viwiki\'s aliases: each local name maps to the CS1 name of its list; enumerated ones keep their #', () => {
  const { parameters: p, found } = configurationFacts(VI);
  assert.deepEqual(found, { aliases: true, keywords: true });
  assert.equal(p['ngày truy cập'], 'access-date');
  assert.equal(p['ngày truy nhập'], 'access-date');
  assert.equal(p['url lưu trữ'], 'archive-url', 'a double-quoted string');
  assert.equal(p['trạng thái url'], 'url-status');
  assert.equal(p['nơi xuất bản'], 'publication-place');
  assert.equal(p['định dạng mục'], 'chapter-format', 'a list over two lines, ended by ;');
  assert.equal(p['họ#'], 'last#');
  assert.equal(p['họ #'], 'last#');
  assert.equal(p['tác giả#'], 'last#');
  assert.equal(p['tên #'], 'first#');
  assert.equal(p['tên [[dài]]'], 'title', 'a long-bracket string');
  assert.equal(p['tên có\tthoát'], 'title', 'decimal and tab escapes');
  // the first of an enumerated list is read without its number too (Module:Citation/CS1 select_one): |họ= is last1
  assert.equal(p['họ'], 'last');
  assert.equal(p['tác giả'], 'last');
  assert.equal(p['tên'], 'first');
  // CS1's own names are not local names; not data and comments give nothing
  for (const n of ['access-date', 'accessdate', 'last#', 'author#', 'df', 'x', 'a', 'b', 'ab', 'tên bị chú thích']) assert.equal(p[n], undefined, n);
});

test('viwiki\'s keywords: local words per keyword parameter, to the CS1 keyword of their list', () => {
  const { values: v } = configurationFacts(VI);
  assert.equal(v['url-status']['hư'], 'dead');
  assert.equal(v['url-status']['thay đổi'], 'dead', 'listed with dead (and deviated) by viwiki');
  assert.equal(v['url-status']['sống'], 'live');
  assert.equal(v['url-status'].deviated, undefined, 'a CS1 word');
  assert.equal(v['url-access']['trả phí'], 'subscription');
  assert.equal(v['chapter-url-access']['hạn chế'], 'limited');
  assert.equal(v['doi-access']['miễn phí'], 'free');
  assert.equal(v['no-pp']['có'], 'yes');
  assert.equal(v['name-list-style']['và'], 'and');
  assert.equal(v.mode, undefined, 'no local words for mode');
  assert.equal(Object.keys(v).includes('none'), false, '|title=none is no keyword parameter here');
  // what the module says is a valid profile
  const profile = parseCitationProfile({ templates: { 'Chú thích web': 'cite web' }, parameters: configurationFacts(VI).parameters, values: v });
  const text = '<ref>{{Chú thích web |url=https://hanoi.gov.vn/ |tiêu đề=Hà Nội |họ 3=Nguyễn |tên 3=An |tác giả1=Trần ' +
    '|url lưu trữ=https://web.archive.org/web/20200408000000/https://hanoi.gov.vn/ |ngày lưu trữ=2020-04-08 |trạng thái url=hư}}</ref>\n<references />';
  assert.deepEqual(lint(text, { today: { year: 2026, month: 12, day: 1 }, profile: { site: 'vi.wikipedia.org', lang: 'vi' }, citationProfile: profile }).diagnostics.map((d) => d.rule), []);
  // |họ 3= is last3 and |tác giả1= last1 (the enumerated local names); a local name the module does not list is reported
  const unknown = lint(text.replace('họ 3', 'họ ba'), { today: { year: 2026, month: 12, day: 1 }, profile: { site: 'vi.wikipedia.org', lang: 'vi' }, citationProfile: profile }).diagnostics;
  assert.deepEqual(unknown.map((d) => d.rule), ['cite-unknown-parameter']);
});

test('the table read is the live one: not a commented-out copy, not words inside a string', () => {
  const src = "--[[ an older version:\nlocal keywords = {['dead'] = {'dead', 'chết'}}\n]]\n" +
    "local help = 'write local aliases = { ... } below'\n" +
    "local keywords = {['dead'] = {'dead', 'hư'}}\n";
  assert.deepEqual(JSON.parse(JSON.stringify(configurationFacts(src))), { parameters: {}, values: { 'url-status': { 'hư': 'dead' } }, found: { aliases: false, keywords: true }, truncated: false });
});

test('keywords: a list without an English word takes its key\'s meaning, as keywords_xlate does', () => {
  const { values } = configurationFacts("local keywords = {['dead'] = {'mort', 'hors ligne'}, ['affirmative'] = {'oui'}, ['free'] = {'libre'}, ['none'] = {'aucun'}}");
  assert.deepEqual({ ...values['url-status'] }, { mort: 'dead', 'hors ligne': 'dead' });
  assert.deepEqual({ ...values['no-pp'] }, { oui: 'yes' });
  assert.deepEqual({ ...values['doi-access'] }, { libre: 'free' });
  assert.equal(Object.values(values).some((m) => 'aucun' in m), false);
});

test('a module listing far more than any wiki does: capped, and said', () => {
  const many = `local aliases = {['Title'] = {'title', ${Array.from({ length: 6000 }, (_, i) => `'t${i}x'`).join(', ')}}}`;
  const f = configurationFacts(many);
  assert.equal(Object.keys(f.parameters).length, 5000);
  assert.equal(f.truncated, true);
  assert.equal(configurationFacts(VI).truncated, false);
});

test('English Wikipedia\'s tables give no local names or words', () => {
  const en = "local aliases = {\n\t['AccessDate'] = {'access-date', 'accessdate'},\n\t['AuthorList-Last'] = {\"last#\", \"author#\", 'surname#'},\n\t['Title'] = 'title',\n}\n" +
    "local keywords = {\n\t['dead'] = {'dead', 'deviated'},\n\t['affirmative'] = {'yes', 'true', 'y'},\n\t['none'] = {'none'},\n}\n";
  assert.deepEqual(JSON.parse(JSON.stringify(configurationFacts(en))), { parameters: {}, values: {}, found: { aliases: true, keywords: true }, truncated: false });
});

test('not a Configuration module, or hostile text: nothing found, quickly, no throw', () => {
  assert.deepEqual(configurationFacts('return {}').found, { aliases: false, keywords: false });
  assert.equal(readLuaTable('local aliases = {', 'aliases')!.keyed.size, 0, 'unterminated: what was read');
  assert.equal(readLuaTable('local aliases = {[\'A\'] = {\'title\', \'tên', 'aliases')!.keyed.size, 1);
  const deep = `local aliases = ${'{'.repeat(5000)}${'}'.repeat(5000)}`;
  assert.equal(readLuaTable(deep, 'aliases'), undefined, 'too deep: not read');
  // unbalanced brackets inside an entry: that entry is skipped, the next ones are read
  const odd = readLuaTable("local aliases = {['A'] = f(x)) ], ['B'] = {'title', 'tên'}, ['C'] = 'c'}", 'aliases')!;
  assert.deepEqual([...odd.keyed.keys()], ['A', 'B', 'C']);
  assert.deepEqual(odd.keyed.get('B'), { keyed: new Map(), items: ['title', 'tên'] });
  // over the token limit: not read (the real module has ~30,000 tokens)
  const big = `local aliases = {${"['A'] = {'title', 'x'},".repeat(200_000)}}`;
  assert.equal(readLuaTable(big, 'aliases'), undefined);
  // a name that is a regex or a prototype key is just a name
  assert.equal(readLuaTable("local aliases = {['__proto__'] = {'title', 'a'}}", 'aliases')!.keyed.get('__proto__') !== undefined, true);
  assert.equal(configurationFacts("local aliases = {['X'] = {'title', '__proto__', 'constructor'}}").parameters.constructor, 'title');
  assert.equal(configurationFacts("local aliases = {['X'] = {'title', '__proto__'}}").parameters.__proto__, 'title');
});

test('editor features with the module\'s names: completion offers no enumerated pattern; hover reads |họ 7= as last7', () => {
  const facts = configurationFacts(VI);
  const profile = parseCitationProfile({ lang: 'vi', templates: { 'Chú thích web': 'cite web' }, parameters: facts.parameters, values: facts.values });
  const options = { today: { year: 2026, month: 12, day: 1 }, profile: { site: 'vi.wikipedia.org', lang: 'vi' }, citationProfile: profile };
  const at = withCursor('<ref>{{Chú thích web |url=https://a.vn/ |‸}}</ref>');
  const labels = completion(analyse(at.text, options), at.offset, options).items.map((i) => i.label);
  assert.ok(labels.includes('ngày truy cập'), labels.join(', '));
  assert.ok(!labels.some((l) => l.includes('#')), labels.filter((l) => l.includes('#')).join(', '));
  const h = withCursor('<ref>{{Chú thích web |url=https://a.vn/ |tiêu đề=T |h‸ọ 7=Nguyễn}}</ref>');
  const text = (hover(analyse(h.text, options), h.offset, { linkBase: 'https://vi.wikipedia.org/wiki/', today: options.today })!.contents as { value: string }).value;
  assert.match(text, /last7/, text);
});
