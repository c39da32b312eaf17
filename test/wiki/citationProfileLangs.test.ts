/**
 * `wikitext-lint profile --site X` against real MediaWikis installed in French, Ukrainian and Vietnamese
 * (scripts/test-wiki.sh start --lang L --fixtures test/fixtures/wiki/L: MediaWiki's own namespaces, magic words and
 * month names for that language, plus fixture citation templates whose TemplateData carries the local parameter
 * names and aliases the corpus articles of that language use). For each: what the built profile holds (local
 * templates and their redirects, local names → CS1's, non-citations, reference lists, month names from the wiki's
 * own messages), and linting a small article with it: the local citations are checked, the false positives of the
 * English rules stay gone, and without the profile only the rules that hold in every language run. One wiki per
 * language, started when its tests begin. Runs the built CLI (dist/cli.js). Skipped with a message when MediaWiki is
 * not installed (.ci/run installs it).
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCitationProfile } from '../../server/src/core/citationProfile';
import type { CitationProfile } from '../../server/src/core/profile';
import { wikiSkipReason, startTestWiki, type TestWiki } from '../helpers/testWiki';
import { CITATION_FIXTURES_ROOT } from '../helpers/citationWiki';

const CLI = resolve(__dirname, '../../dist/cli.js');
const MAPS = resolve(__dirname, '../../server/data/citation-profiles');
const skip = wikiSkipReason() || (existsSync(CLI) ? false : 'dist/cli.js is not built (npm run build)');

function cli(args: string[], cache: string, cwd = tmpdir()) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, env: { ...process.env, WIKITEXT_LINT_CACHE: cache } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const readProfile = (f: string): CitationProfile => parseCitationProfile(JSON.parse(readFileSync(f, 'utf8')), f);
const shippedMap = (lang: string) => JSON.parse(readFileSync(join(MAPS, `${lang}.wikipedia.org.json`), 'utf8')) as CitationProfile;

interface Lang {
  wiki: TestWiki;
  cache: string;
  /** The profile built from the wiki by `wikitext-lint profile --site` (written with --out). */
  file: string;
  profile: CitationProfile;
  /** What `profile --site` said on stderr. */
  notes: string;
}

/** Starts the wiki of `lang` with its fixtures and builds its profile once for the block's tests. */
function wikiOf(lang: string): () => Lang {
  let l: Lang | undefined;
  before(async () => {
    if (skip) return;
    const wiki = await startTestWiki({ lang, fixtures: join(CITATION_FIXTURES_ROOT, lang) });
    const cache = mkdtempSync(join(tmpdir(), `wikitext-lint-${lang}-`));
    const file = join(cache, `${lang}.citations.json`);
    const r = cli(['profile', '--site', wiki.api, '--out', file], cache);
    assert.equal(r.code, 0, r.err);
    l = { wiki, cache, file, profile: readProfile(file), notes: r.err };
  });
  after(() => l?.wiki.stop());
  return () => l!;
}

type Diag = { rule: string; message: string };
function lint(l: Lang, text: string, args: string[]): Diag[] {
  const dir = mkdtempSync(join(tmpdir(), 'wikitext-lint-lang-'));
  const f = join(dir, 'Article.wiki');
  writeFileSync(f, text);
  const r = cli(['--format', 'json', '--today', '2026-11-30', ...args, f], l.cache, dir);
  assert.ok(r.code === 0 || r.code === 1, r.err);
  return JSON.parse(r.out).files[0].diagnostics as Diag[];
}
const rulesOf = (ds: Diag[]) => ds.map((d) => d.rule).sort();
const of = (ds: Diag[], rule: string) => ds.filter((d) => d.rule === rule).map((d) => d.message);

/**
 * Builds the profile again from a copy of the shipped map without its month names, so the months come from the
 * wiki's own messages (allmessages, amlang): the map's names must be the same (they were taken from MediaWiki's
 * languages/i18n/<lang>.json).
 */
function monthsFromWiki(l: Lang, lang: string): CitationProfile['dates'] {
  const map = shippedMap(lang);
  delete map.dates!.months;
  delete map.dates!.genitive;
  delete map.dates!.abbreviations;
  const mapFile = join(l.cache, `${lang}.nomonths.json`);
  writeFileSync(mapFile, JSON.stringify(map));
  const out = join(l.cache, `${lang}.frommessages.json`);
  const r = cli(['profile', '--site', l.wiki.api, '--map', mapFile, '--out', out], l.cache);
  assert.equal(r.code, 0, r.err);
  return readProfile(out).dates;
}

/** The month names built from the wiki's messages, checked equal to the shipped map's in each of `forms`. */
function wikiMonthsEqualMap(l: Lang, lang: string, forms: ('months' | 'genitive' | 'abbreviations')[]): NonNullable<CitationProfile['dates']> {
  const d = monthsFromWiki(l, lang)!;
  const map = shippedMap(lang).dates!;
  for (const f of forms) assert.deepEqual(d[f], map[f], `${lang}: ${f}`);
  return d;
}

describe('French wiki: Module:Biblio templates, {{Citation}} is a quotation, {{Références|groupe=}}', { skip }, () => {
  const fr = wikiOf('fr');

  test('the built profile: {{Lien web}} and its redirect, TemplateData names mapped to CS1, reference lists', () => {
    const { profile: p, notes } = fr();
    assert.equal(p.lang, 'fr');
    assert.match(notes, /using the one of fr\.wikipedia\.org/);
    assert.equal(p.templates['Lien web'], 'cite web');
    assert.equal(p.templates['Lien Web'], 'cite web', 'a redirect is a citation template too');
    assert.equal(p.templates.Ouvrage, 'cite book');
    assert.equal(p.templates.Article, 'cite journal');
    assert.equal(p.templates.Citation, undefined);
    assert.deepEqual(p.notCitations, ['Citation']);
    const lw = p.templateParameters!['Lien web'];
    assert.equal(lw.titre, 'title');
    assert.equal(lw.title, 'title', 'an alias CS1 knows');
    assert.equal(lw['consulté le'], 'access-date');
    assert.equal(lw.accessdate, 'access-date');
    assert.equal(lw.site, 'work', 'site, an alias of website (CS1: work)');
    assert.deepEqual(p.templateParameters!['Lien Web'], lw);
    // parameters with no CS1 counterpart are the template's own, never "unknown"
    assert.ok(p.unmappedParameters!['Lien web'].includes('sous-titre'));
    assert.ok(p.unmappedParameters!['Lien web'].includes('brisé le'));
    assert.ok(p.unmappedParameters!.Ouvrage.includes('année première édition'));
    assert.equal(p.refTemplates!['Références'].like, 'reflist');
    assert.equal(p.refTemplates!['Références'].parameters!.groupe, 'group');
    assert.deepEqual(p.refTemplates!.References, p.refTemplates!['Références'], 'the redirect to {{Références}}');
    assert.equal(p.dates!.check, false, 'frwiki\'s module does not check dates as CS1 does');
    // a wiki without a CS1 Configuration module (frwiki cites with Module:Biblio): said, and the build goes on
    assert.match(notes, /no Module:Citation\/CS1\/Configuration \(no such page\); parameter names from TemplateData and the map only/);
  });

  test('the map\'s French month names are the wiki\'s own messages', () => {
    const d = wikiMonthsEqualMap(fr(), 'fr', ['months', 'abbreviations']);
    assert.equal(d.months![0], 'janvier');
    assert.equal(d.months![7], 'août');
  });

  const ARTICLE = [
    'Paris.<ref>{{Lien web |url=https://www.insee.fr/ |consulté le=5 mars 2020}}</ref>',
    'Lyon.<ref>{{Lien Web |url=https://www.lyon.fr/ |titre=Lyon |sous-titre=Accueil |site=Ville de Lyon |consulté le=1er janvier 2020}}</ref>',
    'Livre.<ref>{{Ouvrage |prénom1=Jean |nom1=Dupont |titre=Histoire |année première édition=1901 |isbn=978-0-306-40615-8}}</ref>',
    '{{Citation|Une phrase citée, pas une référence.}}',
    'Note.<ref group="n">Une note.</ref>',
    '== Notes ==',
    '{{Références|groupe=n}}',
    '== Références ==',
    '{{Références}}',
    '[[Catégorie:Test]]',
    '',
  ].join('\n');

  test('with the profile: the local citations are checked; {{Citation}}, frwiki\'s own parameters and groupe= are not noise', () => {
    const l = fr();
    const ds = lint(l, ARTICLE, ['--site', l.wiki.api, '--profile', l.file]);
    // {{Lien web}} without titre (and only it: {{Citation}} is not a citation without a title)
    assert.equal(of(ds, 'cite-missing-title').length, 1, JSON.stringify(ds));
    // {{Ouvrage}}'s isbn is checked (the checksum of 978-0-306-40615-8 is wrong)
    assert.equal(of(ds, 'cite-bad-isbn').length, 1, JSON.stringify(ds));
    // the group n has its list {{Références|groupe=n}}; sous-titre, année première édition are the templates' own; no date rule
    assert.deepEqual(rulesOf(ds), ['cite-bad-isbn', 'cite-missing-title'], JSON.stringify(ds));
  });

  test('without the profile: only the rules that hold in every language, nothing from the English citation rules', () => {
    const l = fr();
    const ds = lint(l, ARTICLE, ['--site', l.wiki.api]);
    assert.ok(!ds.some((d) => d.rule.startsWith('cite-') || d.rule === 'ref-group-without-list'), JSON.stringify(ds));
    // the ISBN checksum rule holds in every language, but only inside citations the profile names: none here
    assert.deepEqual(rulesOf(ds), [], JSON.stringify(ds));
  });
});

describe('Ukrainian wiki: CS1 templates with Ukrainian aliases, Cyrillic dates', { skip }, () => {
  const uk = wikiOf('uk');

  test('the built profile: {{Cite web}} and its redirect with the Ukrainian aliases of its TemplateData', () => {
    const { profile: p } = uk();
    assert.equal(p.lang, 'uk');
    assert.equal(p.templates['Cite web'], 'cite web');
    assert.equal(p.templates['Cite-web'], 'cite web', 'the redirect');
    assert.equal(p.templates['Книга'], undefined, 'ukwiki\'s own {{Книга}} is not CS1 and not in the map');
    const cw = p.templateParameters!['Cite web'];
    assert.equal(cw['назва'], 'title');
    assert.equal(cw['дата-доступу'], 'access-date');
    assert.equal(cw['мовою'], 'language');
    assert.equal(cw['url-архіву'], 'archive-url');
    assert.equal(cw['мертвий-url'], 'deadurl');
    assert.equal(p.templateParameters!['Cite book']['рік'], 'year');
    assert.equal(p.refTemplates!['Примітки'].like, 'reflist');
    assert.ok(p.dates!.formats!.includes('D MMMMG YYYY р.'));
  });

  test('the map\'s Ukrainian month names (nominative, genitive, abbreviations) are the wiki\'s own messages', () => {
    const d = wikiMonthsEqualMap(uk(), 'uk', ['months', 'genitive', 'abbreviations']);
    assert.equal(d.months![1], 'лютий');
    assert.equal(d.genitive![1], 'лютого');
  });

  const ARTICLE = [
    'Київ.<ref>{{Cite web |url=https://kyivcity.gov.ua/ |назва=Київ |дата-доступу=19 травня 2020 |мовою=uk |вебсайт=Київська міська рада}}</ref>',
    'Лавра.<ref>{{Cite-web |url=https://lavra.ua/ |дата-доступу=31 лютого 2020}}</ref>',
    'Собор.<ref>{{Cite web |url=https://sofiyskyi.kyiv.ua/ |назва=Собор |дата=5 травня 2019 р. |дата-доступу=6 травня 2020 року |невідомий=1}}</ref>',
    'Книга.<ref>{{Книга |автор=Іван Франко |заголовок=Історія |місце=Київ |рік=2001 |сторінок=300}}</ref>',
    '',
    '== Примітки ==',
    '{{Примітки}}',
    '',
    '[[Категорія:Київ]]',
    '',
  ].join('\n');

  test('with the profile: local aliases and Ukrainian dates are accepted; a missing назва, 31 лютого and an unknown parameter are reported', () => {
    const l = uk();
    const ds = lint(l, ARTICLE, ['--site', l.wiki.api, '--profile', l.file]);
    assert.equal(of(ds, 'cite-missing-title').length, 1, JSON.stringify(ds));
    const dates = of(ds, 'cite-bad-date');
    assert.equal(dates.length, 1, JSON.stringify(ds));
    assert.doesNotMatch(dates[0], /not a month name/);
    assert.deepEqual(of(ds, 'cite-unknown-parameter').length, 1, JSON.stringify(ds));
    assert.match(of(ds, 'cite-unknown-parameter')[0], /\|невідомий=/);
    assert.deepEqual(rulesOf(ds), ['cite-bad-date', 'cite-missing-title', 'cite-unknown-parameter'], JSON.stringify(ds));
  });

  test('without the profile: no citation rule; as English (no site): the page is recognised as Ukrainian, no alias noise', () => {
    const l = uk();
    const bare = lint(l, ARTICLE, ['--site', l.wiki.api]);
    assert.ok(!bare.some((d) => d.rule.startsWith('cite-')), JSON.stringify(bare));
    const english = lint(l, ARTICLE, []);
    assert.ok(!english.some((d) => d.rule === 'cite-unknown-parameter' && /назва|дата-доступу|мовою/.test(d.message)), JSON.stringify(english));
  });
});

describe('Vietnamese wiki: {{Chú thích web}} and Vietnamese dates', { skip }, () => {
  const vi = wikiOf('vi');

  test('the built profile: local templates, the English redirects to them, Vietnamese aliases', () => {
    const { profile: p, notes } = vi();
    assert.equal(p.lang, 'vi');
    assert.equal(p.templates['Chú thích web'], 'cite web');
    assert.equal(p.templates['Chú thích báo'], 'cite news');
    assert.equal(p.templates['Cite web'], 'cite web', 'viwiki\'s {{Cite web}} redirects to {{Chú thích web}}');
    // a subpage the map names that is a redirect here (file name %2F) resolves to its template
    assert.equal(p.templates['Chú thích tạp chí/Lua'], 'cite journal');
    // a template the map names but this wiki lacks is left out, with a note
    assert.equal(p.templates['Chú thích danh sách thư'], undefined);
    assert.match(notes, /has no Template:Chú thích danh sách thư; left out/);
    const w = p.templateParameters!['Chú thích web'];
    assert.equal(w['tiêu đề'], 'title');
    assert.equal(w['tựa đề'], 'title');
    assert.equal(w['ngày truy cập'], 'access-date');
    assert.equal(w['url lưu trữ'], 'archive-url');
    assert.equal(w['url hỏng'], 'deadurl');
    assert.deepEqual(p.templateParameters!['Cite web'], w);
    assert.equal(p.refTemplates!['Tham khảo'].like, 'reflist');
  });

  test('the built profile reads the wiki\'s Module:Citation/CS1/Configuration: its local aliases (enumerated ones too) and keywords', () => {
    const { profile: p } = vi();
    // in the module's aliases, not in the shipped map nor in any fixture TemplateData
    assert.equal(p.parameters['ngày phát sóng'], 'date');
    assert.equal(p.parameters['họ#'], 'last#');
    assert.equal(p.parameters['tác giả #'], 'last#');
    // the map's own entries stay, and come first: a fix adding |title= or |date= spells them as the map does
    assert.equal(p.parameters['họ 1'], 'last1');
    assert.equal(Object.entries(p.parameters).find(([, v]) => v === 'title')![0], 'tiêu đề');
    assert.equal(Object.entries(p.parameters).find(([, v]) => v === 'date')![0], 'ngày');
    // the module's keywords: a word the shipped map does not list
    assert.equal(p.values!['url-status']['thay đổi'], 'dead');
    assert.equal(p.values!['name-list-style']['và'], 'and');
    assert.ok(p.provenance!.some((x) => /prop=revisions of Module:Citation\/CS1\/Configuration \(\d+ local parameter names, \d+ local keyword values\)/.test(x)), p.provenance!.join('\n'));
    const l = vi();
    const ds = lint(l, '<ref>{{Chú thích web |url=https://hanoi.gov.vn/ |tiêu đề=Hà Nội |họ 7=Nguyễn |tên 7=An |ngày phát sóng=8 tháng 4 năm 2020 ' +
      '|url lưu trữ=https://web.archive.org/web/20200408000000/https://hanoi.gov.vn/ |ngày lưu trữ=2020-04-08 |trạng thái url=thay đổi}}</ref>\n{{Tham khảo}}\n', ['--site', l.wiki.api, '--profile', l.file]);
    assert.deepEqual(rulesOf(ds), [], JSON.stringify(ds));
  });

  test('the map\'s Vietnamese month names are the wiki\'s own messages', () => {
    const d = wikiMonthsEqualMap(vi(), 'vi', ['months']);
    assert.equal(d.months![3], 'tháng 4');
  });

  const ARTICLE = [
    'Hà Nội.<ref>{{Chú thích web |url=https://hanoi.gov.vn/ |tiêu đề=Hà Nội |ngày truy cập=ngày 8 tháng 4 năm 2020 |nhà xuất bản=UBND}}</ref>',
    'Huế.<ref>{{Cite web |url=https://hue.gov.vn/ |ngày truy cập=31 tháng 2 năm 2020}}</ref>',
    'Báo.<ref>{{chú thích báo |url=https://vnexpress.net/ |tựa đề=Tin |ngày=8 tháng 4 năm 2020 |ngôn ngữ=vi}}</ref>',
    'Sách.<ref>{{Chú thích sách/Lua |tựa đề=Sách |nơi xuất bản=Hà Nội |nxb=NXB Trẻ |isbn=978-0-306-40615-8}}</ref>',
    '',
    '== Tham khảo ==',
    '{{Tham khảo}}',
    '',
  ].join('\n');

  test('with the profile: Vietnamese aliases and dates are accepted; a missing title, 31 February and a bad ISBN in a /Lua subpage are reported', () => {
    const l = vi();
    const ds = lint(l, ARTICLE, ['--site', l.wiki.api, '--profile', l.file]);
    assert.equal(of(ds, 'cite-missing-title').length, 1, JSON.stringify(ds));
    assert.equal(of(ds, 'cite-bad-date').length, 1, JSON.stringify(ds));
    assert.doesNotMatch(of(ds, 'cite-bad-date')[0], /not a month name/);
    // nơi xuất bản (publication-place) and nxb (publisher) are viwiki's module's own aliases: not unknown
    assert.deepEqual(rulesOf(ds), ['cite-bad-date', 'cite-bad-isbn', 'cite-missing-title'], JSON.stringify(ds));
    const bare = lint(l, ARTICLE, ['--site', l.wiki.api]);
    assert.ok(!bare.some((d) => d.rule.startsWith('cite-')), JSON.stringify(bare));
  });
});
