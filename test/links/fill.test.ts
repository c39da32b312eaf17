/**
 * Fill Citation: metadata from each format on the fixture web (Highwire, OpenGraph, Dublin Core, JSON-LD,
 * <title>), windows-1251, generic titles refused, 20 MB and binary pages, doi.org (CSL JSON) and Open Library
 * stand-ins; the citation text in the page's own style.
 *
 * Run: node scripts/run-tests.mjs test/links/fill
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureWeb, FixtureWeb } from './fixtureWeb';
import { LinkSession } from '../../server/src/links/checker';
import { fetchMetadata } from '../../server/src/links/fill';
import { lint, applyEdits } from '../../server/src/core/lint/lint';
import { fillCandidates, citationStyleOf, fillEdit, buildCitation } from '../../server/src/core/links/fill';
import { extractMetadata } from '../../server/src/core/links/metadata';

let web: FixtureWeb;
let session: LinkSession;
before(async () => {
  web = await startFixtureWeb();
  session = new LinkSession({ lookup: web.lookup, settings: { hostDelayMs: 0, timeoutMs: 2000, doiUrl: web.url('doi', '/'), openLibraryUrl: web.url('openlibrary', '') } });
});
after(async () => { await web.close(); });
const today = { year: 2026, month: 11, day: 28 };

async function meta(path: string) {
  const r = await fetchMetadata(session, web.url('site', path));
  assert.ok(r.ok, `metadata for ${path}: ${!r.ok ? r.reason : ''}`);
  return r.metadata;
}

test('Highwire citation_* tags win, and the DOI resolves through doi.org (CSL JSON)', async () => {
  const md = await meta('/meta/highwire');
  assert.equal(md.kind, 'journal');
  assert.equal(md.title, 'The Structure of Ordinary Water');
  assert.equal(md.journal, 'Science');
  assert.deepEqual(md.date, { year: 1970, month: 8, day: 14 });
  assert.equal(md.doi, '10.1126/science.169.3946.635');
  assert.equal(md.sources.title, 'doi.org (CSL JSON)', 'the registry answered');
  assert.ok(web.log.some((l) => l.host === 'doi' && l.path === '/10.1126/science.169.3946.635'));
  const text = buildCitation(md, web.url('site', '/meta/highwire'), today, citationStyleOf('', lint('').model, []));
  assert.match(text, /^\{\{cite journal \|last=Frank \|first=H\. S\. \|title=The Structure of Ordinary Water \|url=\S+ \|date=1970-08-14 \|journal=Science \|volume=169 \|issue=3946 \|pages=635–641 \|publisher=.* \|doi=10\.1126\/science\.169\.3946\.635 \|access-date=2026-11-28\}\}$/);
});

test('OpenGraph: title, site, date, author; a news article', async () => {
  const md = await meta('/meta/og');
  assert.equal(md.kind, 'news');
  assert.equal(md.title, 'Storm hits coast');
  assert.equal(md.site, 'Example News');
  assert.deepEqual(md.authors, [{ last: 'Smith', first: 'Jane' }]);
  assert.deepEqual(md.date, { year: 2021, month: 3, day: 5 });
});

test('Dublin Core', async () => {
  const md = await meta('/meta/dc');
  assert.equal(md.title, 'Annual Report 2019');
  assert.equal(md.publisher, 'Ministry of Examples');
  assert.deepEqual(md.authors, [{ name: 'Ministry of Examples' }]);
  assert.equal(md.language, 'fr');
});

test('JSON-LD NewsArticle', async () => {
  const md = await meta('/meta/jsonld');
  assert.equal(md.kind, 'news');
  assert.equal(md.title, 'Budget passes & parliament adjourns');
  assert.deepEqual(md.authors, [{ last: 'Lee', first: 'Ann' }, { last: 'Chen', first: 'Bo' }]);
  assert.equal(md.site, 'The Daily Example');
});

test('<title> and the host name as the last resort', async () => {
  const md = await meta('/meta/title');
  assert.equal(md.title, 'Plain page title - Some Site');
  assert.equal(md.site, 'site.test');
});

test('an ISBN resolves through Open Library', async () => {
  const md = await meta('/meta/isbn');
  assert.equal(md.kind, 'book');
  assert.equal(md.title, 'The adventures of Tom Sawyer');
  assert.deepEqual(md.authors, [{ last: 'Twain', first: 'Mark' }]);
  assert.equal(md.publisher, 'Signet Classic');
});

test('windows-1251 page: the title decoded from the <meta> charset', async () => {
  const md = await meta('/cp1251');
  assert.equal(md.title, 'Новости');
});

test('generic titles are not used; 20 MB, binary and missing pages give no citation', async () => {
  for (const [path, why] of [['/meta/generic', /no usable title/], ['/binary', /not HTML/], ['/dead404', /404/]] as const) {
    const r = await fetchMetadata(session, web.url('site', path));
    assert.equal(r.ok, false, path);
    assert.match((r as { reason: string }).reason, why);
  }
  const big = await fetchMetadata(session, web.url('site', '/big'));
  assert.ok(big.ok && big.metadata.title === 'Big page', 'the 20 MB page is read up to 2 MB and its title used');
  assert.equal(extractMetadata('<title>Home</title>', 'https://x.org/a').title, undefined);
});

test('fill edits follow the page style: spacing, name case, parameter order, date format', async () => {
  const src = [
    '{{Use dmy dates|date=May 2020}}',
    'A.<ref>{{Cite web | title = Old | url = https://old.example.org/ | access-date = 1 May 2020 | website = Old}}</ref>',
    'B.<ref>' + web.url('site', '/meta/og') + '</ref>',
    'C.<ref>[' + web.url('site', '/meta/jsonld') + ' the budget]</ref>',
    'D.<ref>{{Cite web | url = ' + web.url('site', '/meta/dc') + ' | access-date = 2 May 2020}}</ref>',
    '{{reflist}}',
  ].join('\n');
  const { model, citations } = lint(src, { today });
  const cands = fillCandidates(model, citations);
  assert.deepEqual(cands.map((c) => c.kind), ['bare-ref', 'bare-ref', 'citation-no-title']);
  const style = citationStyleOf(src, model, citations);
  assert.equal(style.capitalised, true);
  assert.equal(style.dateFormat, 'dmy');
  const edits = [];
  for (const c of cands) {
    const r = await fetchMetadata(session, c.url);
    assert.ok(r.ok);
    edits.push(fillEdit(src, c, r.metadata, today, style)!);
  }
  const out = applyEdits(src, edits).text;
  assert.ok(out.includes(`B.<ref>{{Cite news | last = Smith | first = Jane | title = Storm hits coast | url = ${web.url('site', '/meta/og')} | date = 5 March 2021 | access-date = 28 November 2026 | work = Example News}}</ref>`), out);
  assert.ok(out.includes(`D.<ref>{{Cite web | url = ${web.url('site', '/meta/dc')} | author = Ministry of Examples | title = Annual Report 2019 | date = 30 June 2019 | website = site.test | publisher = Ministry of Examples | language = fr | access-date = 2 May 2020}}</ref>`), out);
  assert.ok(out.includes('| last1 = Lee | first1 = Ann | last2 = Chen | first2 = Bo | title = Budget passes & parliament adjourns |'), out);
  // what the fill made is clean for the linter's citation rules
  const after = lint(out, { today }).diagnostics.filter((d) => d.rule.startsWith('cite-'));
  assert.deepEqual(after.map((d) => `${d.rule}: ${d.message}`), []);
});
