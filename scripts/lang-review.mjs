#!/usr/bin/env node
/**
 * The per-language review of issue 13: for each language of the non-English corpus articles, a local MediaWiki
 * installed in that language (scripts/test-wiki.sh start --lang L, MediaWiki's own namespaces, magic words and
 * month names) with the fixture citation templates of test/fixtures/wiki/<L>/ (TemplateData with the local names
 * and aliases), a citation profile built by `wikitext-lint profile --site <that wiki>`, and the language's corpus
 * articles linted four ways:
 *
 *   as English   no site, no profile (what a new user gets)
 *   no profile   --site <the local wiki>: only the rules that hold in every language
 *   map          --site ... --profile server/data/citation-profiles/<L>.wikipedia.org.json (the shipped map alone)
 *   built        --site ... --profile <the profile built from the wiki>
 *
 * Prints the table (findings per way, citation templates the built profile checks), a check of the map's month
 * names against the wiki's own messages, and the findings list of the built profile for hand review.
 *
 *   npm run build && node scripts/lang-review.mjs [LANG...] [--rules] [--findings N] [--json FILE]
 *
 * --rules: findings counted per rule; --findings N: at most N findings listed per language (default 60; 0: none).
 * Needs the MediaWiki packages (scripts/test-wiki.sh check) and ../shared/corpus. One wiki at a time, stopped after
 * its language. Network: only the local wiki at 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist/cli.js');
const WIKI = join(ROOT, 'scripts/test-wiki.sh');
const CORPUS = resolve(ROOT, '../shared/corpus/articles');
const TODAY = '2026-12-01';

/** Corpus file prefix of each language (see ../shared/corpus/manifest.tsv). */
export const LANGS = {
  de: 'wtf_wikipedia-dewiki__',
  vi: 'xztextfilter-viwiki__',
  uk: 'xztextfilter-ukwiki__',
  el: 'xztextfilter-elwiki__',
  ltg: 'dumpster-dive-ltgwiki__',
  af: 'wtf_wikipedia-afwiki__',
  fr: 'wpcleaner-frwiki__',
  hi: 'tree-sitter-wikitext-hiwiki__',
  bg: 'gensim-bgwiki__',
  nn: 'wtf_wikipedia-nnwiki__',
};
/** English CS1 template names (the built-in English profile knows them on every wiki). */
const CS1 = ['cite web', 'cite news', 'cite book', 'cite journal', 'cite encyclopedia', 'cite magazine', 'cite report', 'cite press release', 'cite av media', 'cite conference', 'cite thesis', 'cite episode', 'cite map', 'cite mailing list', 'cite podcast', 'cite speech', 'cite interview', 'cite tech report', 'cite arxiv', 'cite sign', 'cite serial', 'cite newsgroup', 'cite video game', 'citation'];
const MONTHS = ['january', 'february', 'march', 'april', 'may_long', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const langs = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--findings', '--json'].includes(args[i - 1])));
const selected = langs.length ? langs : Object.keys(LANGS);
const maxFindings = Number(value('--findings', '60'));

function fail(msg) {
  console.error(`lang-review: ${msg}`);
  process.exit(2);
}
if (!existsSync(CLI)) fail('dist/cli.js is not built (npm run build)');
if (!existsSync(CORPUS)) fail(`no corpus at ${CORPUS}`);
if (spawnSync('bash', [WIKI, 'check']).status !== 0) fail('MediaWiki packages are not installed (scripts/test-wiki.sh install, as root)');
for (const l of selected) if (!LANGS[l]) fail(`unknown language ${l} (one of ${Object.keys(LANGS).join(', ')})`);


function cli(argv, cache) {
  const r = spawnSync(process.execPath, [CLI, ...argv], { encoding: 'utf8', cwd: tmpdir(), env: { ...process.env, WIKITEXT_LINT_CACHE: cache }, maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function lint(files, extra, cache) {
  const r = cli(['--format', 'json', '--today', TODAY, '--no-ignore', ...extra, ...files], cache);
  if (r.code !== 0 && r.code !== 1) throw new Error(`wikitext-lint ${extra.join(' ')} failed (${r.code}): ${r.err}`);
  const out = [];
  for (const f of JSON.parse(r.out).files) for (const d of f.diagnostics) out.push({ file: f.path.split('/').pop(), line: d.range.start.line, rule: d.rule, message: d.message });
  return { diags: out, err: r.err };
}

/** Citation templates in the text that a profile's template names (or CS1's English ones) make citations. */
function countCitations(texts, profile) {
  const names = new Set([...CS1, ...Object.keys(profile?.templates ?? {}).map((n) => n.toLowerCase())]);
  for (const n of profile?.notCitations ?? []) names.delete(n.toLowerCase());
  let all = 0, local = 0;
  for (const t of texts) {
    for (const m of t.matchAll(/\{\{\s*([^{}|#\n]+?)\s*(?=\||\}\})/g)) {
      const n = m[1].replace(/_/g, ' ').replace(/\s+/g, ' ').toLowerCase();
      if (!names.has(n)) continue;
      all++;
      if (!CS1.includes(n)) local++;
    }
  }
  return { all, local };
}

function startWiki(lang) {
  const fixtures = join(ROOT, 'test/fixtures/wiki', lang);
  const a = [WIKI, 'start', '--lang', lang, '--no-install'];
  if (existsSync(fixtures)) a.push('--fixtures', fixtures);
  const r = spawnSync('bash', a, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`test-wiki.sh start --lang ${lang} failed: ${r.stderr}`);
  const env = Object.fromEntries(r.stdout.split('\n').map((l) => /^(WIKI_\w+)=(.*)$/.exec(l)).filter(Boolean).map((m) => [m[1], m[2]]));
  return { api: env.WIKI_API, dir: env.WIKI_DIR, stop: () => spawnSync('bash', [WIKI, 'stop', env.WIKI_DIR]) };
}

async function wikiMonths(api, lang) {
  const u = new URL(api);
  u.search = new URLSearchParams({ action: 'query', meta: 'allmessages', ammessages: MONTHS.join('|'), amlang: lang, format: 'json', formatversion: '2' }).toString();
  const res = await fetch(u, { headers: { 'User-Agent': 'wikitext-lint lang-review (local test wiki)' } });
  const data = await res.json();
  return (data?.query?.allmessages ?? []).map((m) => m.content);
}

const rows = [];
const report = {};
for (const lang of selected) {
  const files = readdirSync(CORPUS).filter((f) => f.startsWith(LANGS[lang])).map((f) => join(CORPUS, f));
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const cache = mkdtempSync(join(tmpdir(), `wikitext-lint-review-${lang}-`));
  const wiki = startWiki(lang);
  try {
    const built = join(cache, `${lang}.citations.json`);
    const p = cli(['profile', '--site', wiki.api, '--out', built], cache);
    if (p.code !== 0) throw new Error(`profile --site failed for ${lang}: ${p.err}`);
    const profile = JSON.parse(readFileSync(built, 'utf8'));
    const mapFile = join(ROOT, 'server/data/citation-profiles', `${lang}.wikipedia.org.json`);
    const map = existsSync(mapFile) ? JSON.parse(readFileSync(mapFile, 'utf8')) : undefined;
    const english = lint(files, [], cache);
    const bare = lint(files, ['--site', wiki.api], cache);
    const withMap = map ? lint(files, ['--site', wiki.api, '--profile', mapFile], cache) : undefined;
    const withBuilt = lint(files, ['--site', wiki.api, '--profile', built], cache);
    const months = await wikiMonths(wiki.api, lang);
    const mapMonths = map?.dates?.months;
    const monthCheck = !mapMonths ? 'map has none (the wiki\'s are used)' : JSON.stringify(mapMonths) === JSON.stringify(months) ? 'map = wiki messages' : `map differs from the wiki: ${mapMonths.map((m, i) => (m === months[i] ? null : `${m}≠${months[i]}`)).filter(Boolean).join(', ')}`;
    const cites = countCitations(texts, profile);
    const citeFindings = withBuilt.diags.filter((d) => d.rule.startsWith('cite-')).length;
    const row = { lang, files: files.length, citations: cites.all, localCitations: cites.local, english: english.diags.length, noProfile: bare.diags.length, map: withMap?.diags.length, built: withBuilt.diags.length, builtCite: citeFindings, monthCheck, profileNotes: p.err.split('\n').filter((l) => /note:/.test(l)).map((l) => l.replace(/^wikitext-lint: note: /, '')) };
    rows.push(row);
    report[lang] = { ...row, profile: { templates: profile.templates, refTemplates: Object.keys(profile.refTemplates ?? {}), templateParameters: Object.fromEntries(Object.entries(profile.templateParameters ?? {}).map(([k, v]) => [k, Object.keys(v).length])) }, findings: { english: english.diags, noProfile: bare.diags, map: withMap?.diags ?? [], built: withBuilt.diags } };
    console.log(`\n## ${lang}: ${files.length} files, ${cites.all} citation templates (${cites.local} under names only the profile knows); wiki ${wiki.api}`);
    console.log(`profile: ${Object.keys(profile.templates).length} citation template names [${Object.keys(profile.templates).join(', ')}], ref templates [${Object.keys(profile.refTemplates ?? {}).join(', ')}]; months: ${monthCheck}`);
    for (const n of row.profileNotes) console.log(`  note: ${n}`);
    const byRule = (ds) => Object.entries(ds.reduce((m, d) => ((m[d.rule] = (m[d.rule] ?? 0) + 1), m), {})).sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ');
    if (flag('--rules')) {
      console.log(`  as English: ${byRule(english.diags) || '-'}`);
      console.log(`  no profile: ${byRule(bare.diags) || '-'}`);
      if (withMap) console.log(`  map:        ${byRule(withMap.diags) || '-'}`);
      console.log(`  built:      ${byRule(withBuilt.diags) || '-'}`);
    }
    if (withMap) {
      // what the wiki's own data changed against the shipped map alone
      const key = (d) => `${d.file}:${d.line + 1} ${d.rule}: ${d.message.slice(0, 160)}`;
      const inMap = new Set(withMap.diags.map(key)), inBuilt = new Set(withBuilt.diags.map(key));
      for (const k of inBuilt) if (!inMap.has(k)) console.log(`  only with the built profile: ${k}`);
      for (const k of inMap) if (!inBuilt.has(k)) console.log(`  only with the shipped map:   ${k}`);
    }
    if (maxFindings > 0) {
      console.log(`findings with the built profile (${withBuilt.diags.length}${withBuilt.diags.length > maxFindings ? `, first ${maxFindings}` : ''}):`);
      for (const d of withBuilt.diags.slice(0, maxFindings)) console.log(`  ${d.file}:${d.line + 1} ${d.rule}: ${d.message.slice(0, 200)}`);
    }
  } finally {
    wiki.stop();
    rmSync(cache, { recursive: true, force: true });
  }
}

console.log('\n| lang | files | citation templates (local-only names) | as English | site, no profile | shipped map | built profile (cite-*) | map months vs wiki |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.lang} | ${r.files} | ${r.citations} (${r.localCitations}) | ${r.english} | ${r.noProfile} | ${r.map ?? '-'} | ${r.built} (${r.builtCite}) | ${r.monthCheck} |`);
const json = value('--json');
if (json) writeFileSync(json, JSON.stringify(report, null, 2) + '\n');
