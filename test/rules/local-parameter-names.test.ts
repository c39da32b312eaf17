/**
 * Findings on a local citation speak its template's own parameter names. cite-missing-title names the parameter as the citation's own template names it: with dewiki's shipped map a
 * {{Internetquelle}} without a title is told to add |titel= (what the user types there), a CS1-style {{Cite web}}
 * on the same wiki |title=; English citations (no profile) keep |title=. cite-unknown-parameter suggests (and its
 * fix writes) the closest of the template's own names (|sprahce= → |sprache=), not CS1's English one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/core/lint/lint';
import { parseCitationProfile } from '../../server/src/core/citationProfile';

const today = { year: 2026, month: 12, day: 1 };
const de = parseCitationProfile(JSON.parse(readFileSync(join(__dirname, '..', '..', 'server', 'data', 'citation-profiles', 'de.wikipedia.org.json'), 'utf8')), 'de');
const titles = (text: string, withProfile: boolean) => lint(text, { today, ...(withProfile ? { profile: { site: 'de.wikipedia.org', lang: 'de' }, citationProfile: de } : {}) })
  .diagnostics.filter((d) => d.rule === 'cite-missing-title').map((d) => d.message);

test('a German {{Internetquelle}} without a title: "Citation has no |titel="', () => {
  assert.deepEqual(titles('A.<ref>{{Internetquelle |url=https://www.berlin.de/ |abruf=19. Mai 2020}}</ref>\n<references />\n', true), ['Citation has no |titel=']);
});

test('a CS1-style {{Cite web}} on the same wiki, and English without a profile: |title=', () => {
  const text = 'A.<ref>{{Cite web |url=https://www.berlin.de/ |access-date=2020-05-19}}</ref>\n<references />\n';
  assert.deepEqual(titles(text, true), ['Citation has no |title=']);
  assert.deepEqual(titles(text, false), ['Citation has no |title=']);
});

const unknown = (text: string, withProfile = true) => lint(text, { today, ...(withProfile ? { profile: { site: 'de.wikipedia.org', lang: 'de' }, citationProfile: de } : {}) })
  .diagnostics.filter((d) => d.rule === 'cite-unknown-parameter');

test('a misspelt local parameter: the suggestion and its fix are the template\'s own name', () => {
  const text = 'A.<ref>{{Internetquelle |url=https://www.berlin.de/ |titel=Berlin |abruf=19. Mai 2020 |sprahce=de}}</ref>\n<references />\n';
  const [d, ...rest] = unknown(text);
  assert.equal(rest.length, 0);
  assert.equal(d.message, 'Unknown parameter |sprahce= is not a CS1 parameter; it is ignored (did you mean |sprache=?)');
  assert.deepEqual(d.fixes?.map((f) => [f.title, f.safe, f.edits.map((e) => e.newText)]), [['Change to |sprache=', true, ['sprache']]]);
  const fixed = text.slice(0, d.fixes![0].edits[0].start) + 'sprache' + text.slice(d.fixes![0].edits[0].end);
  assert.deepEqual(unknown(fixed), [], 'the fixed citation has no unknown parameter');
});

test('a local name whose meaning is given already: the rename is offered but not safe', () => {
  const [d] = unknown('A.<ref>{{Internetquelle |url=https://www.berlin.de/ |titel=Berlin |abruf=19. Mai 2020 |titl=x}}</ref>\n<references />\n');
  assert.match(d.message, /did you mean \|titel=\?/);
  assert.equal(d.fixes?.[0]?.safe, false);
});

test('English (no profile) and a CS1-style {{Cite web}}: CS1\'s suggestion as before', () => {
  const text = 'A.<ref>{{Cite web |url=https://example.org/ |title=X |acess-date=2020-05-19}}</ref>\n<references />\n';
  for (const withProfile of [false, true]) assert.match(unknown(text, withProfile)[0].message, /did you mean \|access-date=\?/);
});

test('a local template that also accepts English aliases (as the fixture wiki\'s TemplateData says): still its own names', () => {
  // the order and the aliases of what `wikitext-lint profile` builds from test/fixtures/wiki/de's TemplateData
  const built = parseCitationProfile({
    lang: 'de', templates: { Internetquelle: 'cite web' }, parameters: {},
    templateParameters: { Internetquelle: { url: 'url', titel: 'title', title: 'title', datum: 'date', date: 'date', abruf: 'access-date', zugriff: 'access-date', sprache: 'language', werk: 'website' } },
  });
  const ds = lint('A.<ref>{{Internetquelle |url=https://www.berlin.de/ |abruf=2020-05-19}}</ref>\n<references />\n', { today, profile: { site: 'de.wikipedia.org', lang: 'de' }, citationProfile: built }).diagnostics;
  assert.deepEqual(ds.filter((d) => d.rule === 'cite-missing-title').map((d) => d.message), ['Citation has no |titel=']);
});
