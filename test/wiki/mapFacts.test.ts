/**
 * Map facts corrected from the sources found for their provenance (server/data/citation-profiles/<site>.json), checked
 * by linting with the shipped map through the built CLI (no wiki needed):
 * - viwiki's own Module:Citation/CS1/Configuration: `nơi xuất bản` is publication-place, `nxb`, `trang web`, `ngày truy
 *   nhập`, `lang` are aliases; `các tác giả` is none (its module reports it as unknown);
 * - ukwiki bot code: `веб-сайт` is an alias of website;
 * - afwiki bots: `{{Verwysings|verwysings=...}}` holds list-defined refs.
 * And every map says where each of its parts comes from.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../dist/cli.js');
const MAPS = resolve(__dirname, '../../server/data/citation-profiles');
const skip = existsSync(CLI) ? false : 'dist/cli.js is not built (npm run build)';

function lint(text: string, map: string) {
  const dir = mkdtempSync(join(tmpdir(), 'wikitext-lint-mapfacts-'));
  const f = join(dir, 'a.wiki');
  writeFileSync(f, text);
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', '--today', '2026-11-30', '--profile', join(MAPS, `${map}.wikipedia.org.json`), f], { encoding: 'utf8', cwd: dir, env: { ...process.env, WIKITEXT_LINT_CACHE: dir } });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout).files[0].diagnostics as { rule: string; message: string }[];
}

test('vi: the aliases of viwiki\'s module are known; các tác giả is not one of them', { skip }, () => {
  const ds = lint('X.<ref>{{Chú thích sách |tựa đề=Sách |nơi xuất bản=Hà Nội |nxb=NXB Trẻ |trang web=a.vn |ngày truy nhập=8 tháng 4 năm 2020 |url=https://a.vn/ |lang=vi |các tác giả=A; B}}</ref>\n{{Tham khảo}}\n', 'vi');
  const unknown = ds.filter((d) => d.rule === 'cite-unknown-parameter').map((d) => d.message);
  assert.equal(unknown.length, 1, JSON.stringify(ds));
  assert.match(unknown[0], /\|các tác giả=/);
});

test('uk: веб-сайт is an alias of website', { skip }, () => {
  const ds = lint('X.<ref>{{Cite web |url=https://a.ua/ |назва=А |веб-сайт=А |дата-доступу=5 травня 2020}}</ref>\n{{Примітки}}\n', 'uk');
  assert.deepEqual(ds.map((d) => d.rule), [], JSON.stringify(ds));
});

test('af: {{Verwysings|verwysings=}} holds list-defined refs (an unused one is reported, a used one is not)', { skip }, () => {
  const list = '== Verwysings ==\n{{Verwysings|verwysings=\n<ref name="a">Een bron.</ref>\n}}\n';
  const unused = lint(`Teks.\n\n${list}`, 'af');
  assert.deepEqual(unused.map((d) => d.rule), ['ref-list-defined-unused'], JSON.stringify(unused));
  assert.deepEqual(lint(`Teks.<ref name="a" />\n\n${list}`, 'af'), []);
});

test('every shipped map says where its parts come from, and the corpus maps say what was searched', () => {
  for (const f of readdirSync(MAPS).filter((x) => x.endsWith('.json'))) {
    const m = JSON.parse(readFileSync(join(MAPS, f), 'utf8'));
    assert.ok(Array.isArray(m.provenance) && m.provenance.length >= 2, f);
    if (/^(vi|uk|el|fr|hi|bg|nn|af|ltg)\./.test(f)) assert.ok(m.provenance.some((p: string) => /search|index|found/i.test(p)), `${f} says what the search found`);
  }
});
