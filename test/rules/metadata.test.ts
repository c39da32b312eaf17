/**
 * Rule metadata is the one source: each rule declares id, severity, category, kind of fix and options once;
 * the README tables, package.json's settings schema, --list-rules and the docs URLs are made from it
 * (server/src/core/rules/meta.ts). These tests fail when a generated file is stale (run
 * `node scripts/sync-manifest.mjs`), when a rule's declared fix kind does not match what it offers, and
 * when configuration options do not match a rule's declared options.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { rules, ruleById } from '../../server/src/core/rules';
import { docsRulesTable, listRulesText, readmeRulesTable, ruleDocsUrl, settingsSchema, withGeneratedTable } from '../../server/src/core/rules/meta';
import { lint } from '../../server/src/core/lint/lint';
import { ConfigError, parseConfig, parseSetting } from '../../server/src/core/lint/config';
import { loadConfigFile } from '../../server/src/configFiles';

const root = join(__dirname, '..', '..');
const read = (f: string) => readFileSync(join(root, f), 'utf8');
const STALE = 'stale: run `node scripts/sync-manifest.mjs`';

test('every rule declares its metadata, and its file is named by its id', () => {
  const categories = ['ref', 'cite', 'cs1', 'policy', 'links', 'template'];
  for (const r of rules) {
    assert.match(r.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, r.id);
    assert.ok(categories.includes(r.category), `${r.id}: category ${r.category}`);
    assert.ok(r.fixable === 'safe' || r.fixable === 'suggestion' || r.fixable === null, `${r.id}: fixable`);
    assert.ok(r.description.length > 10 && r.description.endsWith('.'), `${r.id}: one-sentence description`);
    assert.ok(existsSync(join(root, 'server/src/core/rules', `${r.id}.ts`)), `server/src/core/rules/${r.id}.ts`);
    for (const [k, o] of Object.entries(r.options ?? {})) assert.ok(o.description, `${r.id}: option ${k} has a description`);
  }
  const files = readdirSync(join(root, 'server/src/core/rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'meta.ts');
  assert.deepEqual(files.map((f) => f.slice(0, -3)).sort(), rules.map((r) => r.id).sort(), 'rules/ holds one file per rule (helpers are in rules/shared/)');
});

test('a rule offers only the kind of fix it declares (docs examples and fixtures)', () => {
  const seen = new Map<string, Set<string>>();
  // the docs pages, without the `^^^ message` annotation lines of their examples
  const texts = readdirSync(join(root, 'docs/rules')).map((f) => read(join('docs/rules', f)).split('\n').filter((l) => !/^\s*\^+\s+\S/.test(l)).join('\n'));
  // fixes no docs example shows
  texts.push('{{cite web |title=T |url=www.example.org}}');
  for (const text of texts) {
    for (const d of lint(text, { today: { year: 2026, month: 11, day: 28 } }).diagnostics) {
      const s = seen.get(d.rule) ?? new Set();
      for (const f of d.fixes) s.add(f.safe ? 'safe' : 'suggestion');
      seen.set(d.rule, s);
    }
  }
  for (const r of rules) {
    const kinds = seen.get(r.id) ?? new Set();
    if (r.fixable === null) assert.equal(kinds.size, 0, `${r.id} declares no fix but offers ${[...kinds]}`);
    if (r.fixable === 'suggestion') assert.ok(!kinds.has('safe'), `${r.id} declares suggestions only but offers a safe fix`);
    // link-* rules report only with link-check results; their fixes are tested with a local web in test/links
    if (r.fixable !== null && r.category !== 'links') assert.ok(kinds.size > 0, `${r.id} declares fixable=${r.fixable} but no example shows a fix`);
  }
});

test('README.md and docs/rules/README.md tables are generated from the metadata', () => {
  const readme = read('README.md');
  assert.equal(readme, withGeneratedTable(readme, readmeRulesTable()), `README.md rule table ${STALE}`);
  const docs = read('docs/rules/README.md');
  assert.equal(docs, withGeneratedTable(docs, docsRulesTable()), `docs/rules/README.md rule table ${STALE}`);
  for (const r of rules) assert.ok(readme.includes(`[${r.id}](docs/rules/${r.id}.md)`), r.id);
});

test('package.json wikitext.rules schema is generated from the metadata', () => {
  const pkg = JSON.parse(read('package.json'));
  assert.deepEqual(pkg.contributes.configuration.properties['wikitext.rules'].properties, settingsSchema(), `package.json ${STALE}`);
});

test('--list-rules and docs URLs come from the metadata', () => {
  const lines = listRulesText().trimEnd().split('\n');
  assert.equal(lines.length, rules.length);
  for (const [i, r] of rules.entries()) {
    assert.ok(lines[i].startsWith(r.id + ' ') && lines[i].includes(r.category) && lines[i].endsWith(r.description), lines[i]);
  }
  assert.equal(ruleDocsUrl('ref-empty'), 'https://github.com/wikitext-tools/wikitext-lint/blob/main/docs/rules/ref-empty.md');
});

test('rule options are checked against the declared schema', () => {
  const known = new Set(ruleById.keys());
  const ok = parseConfig({ rules: { 'cite-missing-access-date': ['info', { templates: ['cite web'] }] } }, known);
  assert.deepEqual(ok.rules['cite-missing-access-date'].options, { templates: ['cite web'] });
  const bad = (value: unknown, key: RegExp, message: RegExp) => {
    assert.throws(() => parseConfig(value, known), (e: unknown) => e instanceof ConfigError && key.test(e.key) && message.test(e.message));
  };
  bad({ rules: { 'cite-missing-access-date': ['info', { template: ['cite web'] }] } }, /^rules\.cite-missing-access-date\.template$/, /unknown option "template".*expected "templates"/);
  bad({ rules: { 'cite-missing-access-date': ['info', { templates: 'cite web' }] } }, /templates$/, /"templates" must be a list of strings/);
  bad({ rules: { 'ref-empty': ['error', { anything: true }] } }, /anything$/, /takes no options/);
  // editor settings and --rule go through the same check when they name the rule
  assert.throws(() => parseSetting(['warning', { templatez: [] }], 'wikitext.rules.cite-missing-access-date', 'cite-missing-access-date'), /wikitext\.rules\.cite-missing-access-date: unknown option "templatez"/);
});

test('a misspelled option in .wikitext-lint.json is an error naming the file and the key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wtl-meta-'));
  try {
    const file = join(dir, '.wikitext-lint.json');
    writeFileSync(file, JSON.stringify({ rules: { 'cite-missing-access-date': ['warning', { tempaltes: ['cite web'] }] } }));
    assert.throws(() => loadConfigFile(file), (e: Error) => e.message.startsWith(file + ':') && e.message.includes('rules.cite-missing-access-date: unknown option "tempaltes"'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the language server imports nothing from the CLI adapter', () => {
  const srcDir = join(root, 'server/src');
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (p !== join(srcDir, 'cli')) walk(p);
      } else if (e.name.endsWith('.ts') && /from '[./]*\/?cli\//.test(readFileSync(p, 'utf8'))) offenders.push(p.slice(root.length + 1));
    }
  };
  walk(srcDir);
  assert.deepEqual(offenders, []);
});
