/**
 * Editor features for a wiki's own citation templates (issue 13): completion after `{{` offers the citation
 * profile's local templates with a snippet of their local parameter names, signature help inside one shows its local
 * names (each saying which CS1 parameter it is), and hover on a shortened footnote shows the ref it makes and how often
 * the page uses it. Without a profile every feature answers as on English Wikipedia.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { analyse } from '../../server/src/core/analysis';
import { completion, hover, signatureHelp } from '../helpers/lspFeatures';
import { withCursor as cursor } from '../helpers/cursor';
import { parseCitationProfile } from '../../server/src/core/citationProfile';
import type { CitationProfile } from '../../server/src/core/profile';
import type { LintOptions } from '../../server/src/core/lint/lint';

const today = { year: 2026, month: 12, day: 1 };
const linkBase = 'https://example.org/wiki/';
const shipped = (site: string) => parseCitationProfile(JSON.parse(readFileSync(join(__dirname, '..', '..', 'server', 'data', 'citation-profiles', `${site}.json`), 'utf8')), site);
const de = parseCitationProfile({
  lang: 'de',
  templates: { Internetquelle: 'cite web', Literatur: 'cite book', 'Cite web': 'cite web' },
  parameters: {},
  templateParameters: {
    Internetquelle: { url: 'url', titel: 'title', autor: 'author', hrsg: 'publisher', werk: 'website', datum: 'date', 'archiv-url': 'archive-url', 'archiv-datum': 'archive-date', abruf: 'access-date', zugriff: 'access-date' },
    Literatur: { Autor: 'author', Titel: 'title', Verlag: 'publisher', Ort: 'location', Datum: 'date', ISBN: 'isbn', Seiten: 'pages', Online: 'url', Abruf: 'access-date' },
  },
  dates: {
    months: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    formats: ['D. MMMM YYYY', 'DD.MM.YYYY'],
  },
  refTemplates: { Sfn: { like: 'sfn', parameters: { name: 'name' } } },
});
const fr = shipped('fr.wikipedia.org');

const options = (citationProfile?: CitationProfile): LintOptions => ({ today, ...(citationProfile ? { citationProfile, profile: { site: `${citationProfile.lang}.wikipedia.org`, lang: citationProfile.lang } } : {}) });

function complete(marked: string, citationProfile?: CitationProfile) {
  const { text, offset } = cursor(marked);
  const o = options(citationProfile);
  const items = completion(analyse(text, o), offset, o).items;
  const sorted = [...items].sort((x, y) => (x.sortText ?? x.label).localeCompare(y.sortText ?? y.label));
  return { items, sorted, labels: sorted.map((i) => i.label), byLabel: (l: string) => items.find((i) => i.label === l) };
}
const newText = (i: CompletionItem | undefined) => (i?.textEdit as TextEdit | undefined)?.newText;

function help(marked: string, citationProfile?: CitationProfile) {
  const { text, offset } = cursor(marked);
  const h = signatureHelp(analyse(text, options(citationProfile)), offset);
  if (!h) return null;
  const sig = h.signatures[0];
  const params = sig.parameters!.map((p) => { const [s, e] = p.label as [number, number]; return { label: sig.label.slice(s, e), documentation: p.documentation }; });
  return { label: sig.label, documentation: sig.documentation, params, active: h.activeParameter === null || h.activeParameter === undefined ? null : params[h.activeParameter].label };
}

function hoverAt(marked: string, citationProfile?: CitationProfile): { markdown: string; range: string } | null {
  const { text, offset } = cursor(marked);
  const a = analyse(text, options(citationProfile));
  const h = hover(a, offset, { linkBase, today });
  if (!h) return null;
  const r = h.range!;
  return { markdown: (h.contents as { value: string }).value, range: text.slice(a.lines.offset(r.start.line, r.start.character), a.lines.offset(r.end.line, r.end.character)) };
}

test('completion after {{: the profile\'s local citation templates first, with their own parameter names', () => {
  const { labels, byLabel } = complete('Berlin.<ref>{{In‸', de);
  assert.deepEqual(labels.slice(0, 3), ['Internetquelle', 'Literatur', 'cite web']);
  // hywiki-style English names that the profile maps to themselves are English's own entry, not a second one
  assert.equal(labels.filter((l) => l.toLowerCase() === 'cite web').length, 1);
  const iq = byLabel('Internetquelle')!;
  assert.equal(iq.detail, 'citation of this wiki (CS1 cite web)');
  assert.equal(iq.insertTextFormat, 2);
  // required first (title, url), then the usual ones this template has, spelled its way; today as dewiki writes it
  assert.equal(newText(iq), 'Internetquelle |titel=${1} |url=${2} |autor=${3} |datum=${4} |werk=${5} |hrsg=${6} |abruf=${7:1. Dezember 2026} |archiv-url=${8} |archiv-datum=${9}}}$0');
  assert.match((iq.documentation as { value: string }).value, /checked as CS1's \{\{cite web\}\}.*\n\nUsual parameters: `titel` \(title\), `url`, `autor` \(last1\)/s);
  assert.equal(newText(byLabel('Literatur')), 'Literatur |Titel=${1} |Autor=${2} |Verlag=${3} |Ort=${4} |Datum=${5} |ISBN=${6} |Seiten=${7} |Online=${8} |Abruf=${9:1. Dezember 2026}}}$0');
  // the English entry is unchanged: English names, and the English snippet
  assert.match(newText(byLabel('cite web'))!, /^cite web \|url=\$\{1\} \|title=\$\{2\}/);
});

test('completion after {{ closed by the editor: no second }}; a local template used on the page is not listed twice', () => {
  const { labels, byLabel } = complete('{{Internetquelle |url=http://a.de |titel=T}}\n<ref>{{‸}}</ref>', de);
  assert.equal(labels.filter((l) => l === 'Internetquelle').length, 1);
  assert.ok(newText(byLabel('Internetquelle'))!.endsWith('|archiv-datum=${9}$0'));
});

test('completion after {{ on frwiki: {{Lien web}} with French names from the wiki-wide map; {{citation}} is no citation there', () => {
  const { labels, byLabel } = complete('Paris.<ref>{{‸', fr);
  assert.deepEqual(labels.slice(0, 3), ['Lien web', 'Article', 'Ouvrage']);
  // names the wiki gives (titre, consulté le...) and CS1's own where the map has none (url); today as frwiki writes dates
  assert.equal(newText(byLabel('Lien web')), 'Lien web |titre=${1} |url=${2} |nom1=${3} |prénom1=${4} |date=${5} |site=${6} |éditeur=${7} |consulté le=${8:1er décembre 2026} |archive-url=${9} |archive-date=${10} |url-status=${11}}}$0');
  assert.ok(!labels.includes('citation'), 'frwiki\'s {{citation}} is a quotation template');
  // used on the page, {{Citation}} is offered as an ordinary template of the page
  assert.ok(complete('{{Citation|Une phrase.}}\n{{‸', fr).labels.includes('Citation'));
});

test('parameter names in frwiki\'s {{Lien web}} (no TemplateData map): the usual ones as the wiki-wide names spell them, then the others', () => {
  const { labels, byLabel } = complete('<ref>{{Lien web |url=http://a.fr |titre=T |‸', fr);
  assert.deepEqual(labels.slice(0, 6), ['nom1', 'prénom1', 'date', 'site', 'éditeur', 'consulté le']);
  assert.ok(!labels.includes('titre') && !labels.includes('url'), 'given ones are not offered again');
  assert.equal(byLabel('consulté le')!.detail, 'CS1 access-date');
  assert.ok(labels.includes('langue') && labels.includes('isbn'));
  // the English template on the same wiki is offered CS1's names, as before
  assert.equal(complete('<ref>{{cite web |url=http://a.fr |‸', fr).labels[0], 'title');
});

test('completion after {{ without a profile is English\'s, unchanged', () => {
  const { labels, byLabel } = complete('{{Internetquelle |url=http://a.de |titel=T}}\n{{‸');
  assert.equal(labels[0], 'cite web');
  assert.ok(labels.includes('citation'));
  assert.equal(byLabel('Internetquelle')!.detail, 'template used once on this page');
  assert.equal(newText(byLabel('cite web')), 'cite web |url=${1} |title=${2} |last=${3} |first=${4} |date=${5} |website=${6} |publisher=${7} |access-date=${8:2026-12-01} |archive-url=${9} |archive-date=${10} |url-status=${11}}}$0');
});

test('signature help in a local citation template: its own parameter names, each with the CS1 parameter it is', () => {
  const h = help('<ref>{{Internetquelle |url=http://a.de |titel=T |abruf=‸}}</ref>', de)!;
  assert.equal(h.label, '{{Internetquelle |titel= |url= |autor= |datum= |werk= |hrsg= |abruf= |archiv-url= |archiv-datum=}}');
  assert.match(h.documentation as string, /^This wiki's citation template, checked as CS1's \{\{cite web\}\}\. /);
  assert.equal(h.active, 'abruf=');
  assert.match(h.params[0].documentation as string, /^CS1 title: /);
  assert.match(h.params[6].documentation as string, /^CS1 access-date: /);
  // url is spelled as CS1 spells it: its description as in English
  assert.doesNotMatch(h.params[1].documentation as string, /^CS1/);
  // an alias of the same parameter (zugriff = abruf) activates it; a name being typed activates the first it begins
  assert.equal(help('{{Internetquelle |url=http://a.de |zugriff=‸', de)!.active, 'abruf=');
  assert.equal(help('{{Internetquelle |url=http://a.de |archiv-d‸', de)!.active, 'archiv-datum=');
  // a parameter of the template outside the usual ones is added and made active
  const z = help('{{Internetquelle |url=http://a.de |zugriff=x |archiv-url=y |autor=‸}}', de)!;
  assert.equal(z.active, 'autor=');
  // the same text without the profile: no citation, no signature
  assert.equal(help('{{Internetquelle |url=http://a.de |titel=T |abruf=‸}}'), null);
});

test('signature help in an English template on a profiled wiki, and without a profile, is unchanged', () => {
  const english = help('{{cite web|url=‸x}}')!;
  assert.equal(english.label, '{{cite web |url= |title= |last= |first= |date= |website= |publisher= |access-date= |archive-url= |archive-date= |url-status=}}');
  const onDe = help('{{cite web|url=‸x}}', de)!;
  assert.deepEqual(onDe, english);
  // frwiki's wiki-wide names are read in any template: |consulté le= is the access date
  assert.equal(help('{{Lien web |url=x |consulté le=‸}}', fr)!.active, 'consulté le=');
  // frwiki's {{citation}} is a quotation, not a citation
  assert.equal(help('{{citation|Une ‸phrase.}}', fr), null);
});

test('hover on {{sfn}}: the ref name it makes, how often the page uses it, the footnote text', () => {
  const page = 'A.{{sfn|Smith|2006|p=25}} B.<ref name="FOOTNOTESmith200625" /> C.{{sfn|Smith|2006|p=25}} D.{{sfnp|Jones|2010}}\n{{reflist}}';
  const at = (needle: string, delta: number) => page.slice(0, page.indexOf(needle) + delta) + '‸' + page.slice(page.indexOf(needle) + delta);
  const h = hoverAt(at('{{sfn|Smith', 9))!;
  assert.equal(h.range, '{{sfn|Smith|2006|p=25}}');
  assert.equal(h.markdown, [
    '**{{Sfn}}**: shortened footnote.\n\n[Template:Sfn](https://example.org/wiki/Template:Sfn)',
    '---',
    'Makes the ref "FOOTNOTESmith200625" (the name Module:Footnotes builds from the authors, year and pages).',
    'Used 3 times on this page (2 calls, 1 `<ref name=... />` tag): one footnote, reused 2 times.',
    'Footnote text: Smith 2006, p. 25.',
  ].join('\n\n'));
  // on the template name: the same, over the name
  const onName = hoverAt(at('{{sfn|Smith', 3))!;
  assert.equal(onName.range, 'sfn');
  assert.equal(onName.markdown, h.markdown);
  // {{sfnp}}, used once, brackets the year
  const p = hoverAt(at('{{sfnp|Jones', 8))!;
  assert.match(p.markdown, /Makes the ref "FOOTNOTEJones2010"/);
  assert.match(p.markdown, /Used once on this page\.\n\nFootnote text: Jones \(2010\)\./);
});

test('hover on {{sfnm}} and on a call whose arguments expand', () => {
  const m = hoverAt('A.{{sfnm|1a1=Smith|1y=2006|1p=25|2a1=Jones|2y=‸2010}}\n{{reflist}}')!;
  assert.match(m.markdown, /Makes the ref "FOOTNOTESmith200625Jones2010"/);
  const dynamic = hoverAt('A.{{sfn|Jones|{{CURRENT‸YEAR}}}}\n{{reflist}}');
  // inside the nested template the inner one answers; on the sfn's own argument text the footnote does
  assert.ok(dynamic);
  const d = hoverAt('A.{{sfn|Jo‸nes|{{CURRENTYEAR}}}}\n{{reflist}}')!;
  assert.match(d.markdown, /Its ref name cannot be known here: an argument expands/);
  assert.doesNotMatch(d.markdown, /Footnote text/);
});

test('hover on a local {{sfn|...|name=x}} (profile): the ref is named x; on the name, the ref itself', () => {
  const page = 'A.{{Sfn|Smith|2006|p=25|name=sm}} B.<ref name="sm" /> C.<ref name="sm" />\n{{reflist}}';
  const h = hoverAt(page.replace('Smith|2006', 'Smi‸th|2006'), de)!;
  assert.match(h.markdown, /Makes the ref "sm" \(named by its `name=` on this wiki\)\.\n\nUsed 3 times on this page \(1 call, 2 `<ref name=\.\.\. \/>` tags\): one footnote, reused 2 times\./);
  // on the name= value: the ref "sm" itself, as on a <ref name="sm">
  const onName = hoverAt(page.replace('name=sm', 'name=s‸m'), de)!;
  assert.equal(onName.range, 'sm');
  assert.match(onName.markdown, /^\*\*Ref "sm"\*\*\n\n.*Used 3 times: 1 definition, reused 2 times\.$/s);
  // without the profile the name= is not the ref's name: the generated one is
  assert.match(hoverAt(page.replace('Smith|2006', 'Smi‸th|2006'))!.markdown, /Makes the ref "FOOTNOTESmith200625".*Used once on this page/s);
  // an ordinary template is not a footnote: hover only on its name, as before
  assert.equal(hoverAt('{{Infobox|na‸me=x}}'), null);
});
