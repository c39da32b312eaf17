/**
 * A citation profile's ref templates, non-citations and rule defaults: the ref rules follow the wiki's own
 * reference lists and footnote templates ({{Références|groupe=}}), frwiki's {{citation}} (a quotation) is not
 * checked as CS1, and policy rules are off on a non-English wiki unless its profile turns them on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core/lint/lint';
import { parse } from '../../server/src/core/parser/parse';
import { buildModel } from '../../server/src/core/model';
import { parseConfig } from '../../server/src/core/lint/config';
import { rules } from '../../server/src/core/rules';
import { parseCitationProfile } from '../../server/src/core/citationProfile';

const today = { year: 2026, month: 1, day: 1 };
const fr = parseCitationProfile({
  site: 'fr.wikipedia.org', lang: 'fr',
  templates: { 'Lien web': 'cite web', Article: 'cite journal' },
  parameters: { titre: 'title', 'consulté le': 'access-date', date: 'date' },
  notCitations: ['Citation'],
  refTemplates: {
    'Références': { like: 'reflist', parameters: { groupe: 'group', 'références': 'refs' } },
    'Note': { like: 'refn', parameters: { groupe: 'group', nom: 'name', texte: '1' } },
  },
});
const rulesOf = (r: ReturnType<typeof lint>, id: string) => r.diagnostics.filter((d) => d.rule === id);

test('{{Références|groupe=}} is the reference list of its group; |références= holds list-defined refs', () => {
  const text = 'A.<ref group="note">Une note.</ref> B.<ref name="x" /> C.{{Note|nom=y|texte=Texte}} D.<ref name="y" />\n' +
    '== Notes ==\n{{Références|groupe=note}}\n== Références ==\n{{Références|références=\n<ref name="x">Défini dans la liste.</ref>\n}}\n';
  const withProfile = lint(text, { today, citationProfile: fr });
  assert.deepEqual(rulesOf(withProfile, 'ref-group-without-list'), []);
  assert.deepEqual(rulesOf(withProfile, 'ref-undefined-name'), []);
  const model = buildModel(parse(text), fr);
  assert.deepEqual(model.refLists.map((l) => l.group), ['note', '']);
  assert.ok(model.refs.some((r) => r.name === 'y' && r.isDefinition), '{{Note|nom=y|texte=...}} defines y');
  // without the profile the English rules do not know these templates
  const english = lint(text, { today });
  assert.ok(rulesOf(english, 'ref-group-without-list').length + rulesOf(english, 'ref-undefined-name').length > 0);
  assert.deepEqual(buildModel(parse(text)).refLists, []);
});

test('notCitations: frwiki\'s {{Citation}} is a quotation, not CS1; the local citation templates are checked', () => {
  const text = '{{Citation|Il faut cultiver notre jardin.}}\n<ref>{{Lien web |url=https://example.org |titre=T |date=2099}}</ref>\n{{Références}}\n';
  const withProfile = lint(text, { today, citationProfile: fr });
  assert.equal(withProfile.citations.length, 1);
  assert.equal(withProfile.citations[0].template.name.trim(), 'Lien web');
  assert.ok(rulesOf(withProfile, 'cite-missing-title').length === 0);
  assert.ok(rulesOf(withProfile, 'cite-bad-date').length === 1, 'a future year is still an error');
  assert.equal(lint(text, { today }).citations.length, 1, 'English: {{Citation}} is CS2, {{Lien web}} unknown');
  assert.equal(lint(text, { today }).citations[0].template.name, 'Citation');
});

test('templateParameters: a template\'s own names win over the wiki-wide ones', () => {
  const p = parseCitationProfile({
    lang: 'de', templates: { Internetquelle: 'cite web', Literatur: 'cite book' }, parameters: { titel: 'title' },
    templateParameters: { Literatur: { titel: 'title', 'Titel-erg': 'title-note', autor: 'author' } },
  });
  const r = lint('<ref>{{Literatur |Titel-erg=x |autor=A |titel=B}}</ref> <ref>{{Internetquelle |url=https://example.org |titel=T |Titel-erg=x}}</ref>\n<references />\n', { today, citationProfile: p });
  const unknown = rulesOf(r, 'cite-unknown-parameter').map((d) => d.message);
  assert.equal(unknown.length, 1, unknown.join('\n'));
  assert.match(unknown[0], /Titel-erg/);
});

test('policy rules are off on a non-English wiki unless its profile turns them on; a profile may turn a rule off; the user wins', () => {
  const text = '<ref>{{Lien web |url=https://example.org/a |titre=T}}</ref>\n{{Références}}\n';
  const missing = (cp: typeof fr, config?: ReturnType<typeof parseConfig>) => rulesOf(lint(text, { today, citationProfile: cp, ...(config ? { config } : {}) }), 'cite-missing-access-date').length;
  assert.equal(missing(fr), 0, 'off by default on frwiki');
  assert.equal(missing({ ...fr, rules: { 'cite-missing-access-date': true } }), 1, 'the profile turns it on');
  assert.equal(missing({ ...fr, lang: 'en' }), 1, 'an English profile keeps it');
  const ids = new Set(rules.map((r) => r.id));
  assert.equal(missing(fr, parseConfig({ rules: { 'cite-missing-access-date': 'warning' } }, ids)), 1, 'the user configuration wins');
  const noTitle = '<ref>{{Lien web |url=https://example.org/a}}</ref>\n{{Références}}\n';
  assert.equal(rulesOf(lint(noTitle, { today, citationProfile: fr }), 'cite-missing-title').length, 1);
  assert.equal(rulesOf(lint(noTitle, { today, citationProfile: { ...fr, rules: { 'cite-missing-title': false } } }), 'cite-missing-title').length, 0, 'the profile turns a rule off');
  assert.equal(rulesOf(lint(noTitle, { today, citationProfile: { ...fr, rules: { 'cite-missing-title': false } }, config: parseConfig({ rules: { 'cite-missing-title': 'error' } }, ids) }), 'cite-missing-title').length, 1);
});
