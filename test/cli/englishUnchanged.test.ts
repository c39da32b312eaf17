/**
 * Issue 13: "the built-in English profile stays the default, and English results must not change". The built CLI's
 * JSON over the English corpus articles (../shared/corpus, else the English fixtures) is compared byte for byte:
 * without a citation profile, with an English citation profile given by `--profile`, and with the same profile named
 * by `"profile"` in `.wikitext-lint.json`. The citation-profile machinery (local names, values, rule defaults, the
 * skipped-rules note) must change nothing on English text. The findings are many (this is not a comparison of two
 * empty outputs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../dist/cli.js');
const CORPUS = resolve(__dirname, '../../../shared/corpus/articles');
const FIXTURES = resolve(__dirname, '../fixtures/corpus');
const skip = existsSync(CLI) ? false : 'dist/cli.js is not built (npm run build)';

function englishFiles(): string[] {
  if (existsSync(CORPUS)) return readdirSync(CORPUS).filter((f) => /^[a-z-]*(enwiki|simplewiki)[a-z-]*__/.test(f)).map((f) => join(CORPUS, f));
  return readdirSync(FIXTURES).filter((f) => f.endsWith('.wiki')).map((f) => join(FIXTURES, f));
}

test('English results are the same with and without an English citation profile', { skip, timeout: 120_000 }, () => {
  const files = englishFiles();
  if (!existsSync(CORPUS)) console.log(`# no ../shared/corpus: comparing the ${files.length} English fixtures only`);
  const dir = mkdtempSync(join(tmpdir(), 'wikitext-lint-en-'));
  // copies in one folder, so .wikitext-lint.json there applies to all of them and paths print alike
  for (const f of files) copyFileSync(f, join(dir, f.slice(f.lastIndexOf('/') + 1)));
  const profile = join(tmpdir(), `wikitext-lint-en-profile-${process.pid}.json`);
  writeFileSync(profile, JSON.stringify({ site: 'en.wikipedia.org', lang: 'en', templates: {}, parameters: {} }));
  const run = (extra: string[]) => {
    const r = spawnSync(process.execPath, [CLI, '--today', '2026-11-30', '--format', 'json', ...extra, dir], { encoding: 'utf8', maxBuffer: 1 << 30, cwd: dir });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    return { out: r.stdout, err: r.stderr };
  };
  const plain = run([]);
  const total = (JSON.parse(plain.out) as { files: { diagnostics: unknown[] }[] }).files.reduce((n, f) => n + f.diagnostics.length, 0);
  assert.ok(total >= (existsSync(CORPUS) ? 1000 : 20), `findings to compare: ${total}`);
  const withFlag = run(['--profile', profile]);
  assert.equal(withFlag.out, plain.out, 'with --profile (English)');
  assert.equal(withFlag.err, plain.err);
  writeFileSync(join(dir, '.wikitext-lint.json'), JSON.stringify({ profile }));
  const withConfig = run([]);
  assert.equal(withConfig.out, plain.out, 'with "profile" in .wikitext-lint.json');
});
