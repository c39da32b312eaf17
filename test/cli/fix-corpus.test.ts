/**
 * A safe fix never creates a finding: `--fix` (the built CLI) on a copy of the whole corpus, then lint again;
 * in every file, each finding after the fix must be one that was there before (same rule, same message), so
 * no rule reports anything new where a fix was applied. Skips when ../shared is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../dist/cli.js');
const CORPUS = resolve(__dirname, '../../../shared/corpus/articles');
const TODAY = ['--today', '2026-11-30'];
// the opt-in that makes "add today's access-date" a safe fix (it is a suggestion by default)
const OPT_IN = join(mkdtempSync(join(tmpdir(), 'wikitext-lint-optin-')), 'opt-in.json');
writeFileSync(OPT_IN, JSON.stringify({ rules: { 'cite-missing-access-date': ['warning', { fixUnchecked: true }] } }));

interface JsonOut { files: { path: string; diagnostics: { rule: string; message: string }[] }[] }

function lintDir(dir: string, extra: string[] = []): Map<string, string[]> {
  const r = spawnSync(process.execPath, [CLI, ...TODAY, ...extra, '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  const json = JSON.parse(r.stdout) as JsonOut;
  const out = new Map<string, string[]>();
  for (const f of json.files) out.set(f.path.slice(dir.length), f.diagnostics.map((d) => `${d.rule}: ${d.message}`));
  return out;
}

/**
 * The findings of `after` beyond those of `before`, rule by rule: a rule reporting more in a file after the fixes
 * than before reported something new. (Counted per rule, not per message: a fix rightly changes the wording of a
 * finding it does not resolve, e.g. "|deadurl=yes" becomes "|url-status=dead" in cite-dead-link's message.)
 */
function added(before: string[], after: string[]): string[] {
  const rule = (k: string) => k.slice(0, k.indexOf(':'));
  const count = new Map<string, number>();
  for (const k of before) count.set(rule(k), (count.get(rule(k)) ?? 0) + 1);
  for (const k of after) count.set(rule(k), (count.get(rule(k)) ?? 0) - 1);
  const out: string[] = [];
  for (const [r, n] of count) if (n < 0) out.push(`${r} reports ${-n} more: ${after.filter((k) => rule(k) === r && !before.includes(k)).slice(0, 3).join(' / ')}`);
  return out;
}

for (const [name, extra] of [["default options", [] as string[]], ["with the opt-in access-date fix", ["--config", OPT_IN]]] as [string, string[]][]) {
  test(`corpus: applying every safe fix (${name}) creates no new finding`, { skip: existsSync(CORPUS) ? false : `corpus not found at ${CORPUS} (../shared absent)` }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'wikitext-lint-fixcorpus-'));
    try {
      cpSync(CORPUS, dir, { recursive: true });
      // the shared corpus may be read-only, and --fix never changes a read-only file: make the copies writable
      chmodSync(dir, 0o755);
      for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o644);
      const before = lintDir(dir, extra);
      const fix = spawnSync(process.execPath, [CLI, ...TODAY, ...extra, '--fix', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
      assert.ok(fix.status === 0 || fix.status === 1, `--fix exit ${fix.status}: ${fix.stderr}`);
      const after = lintDir(dir, extra);
      let beforeTotal = 0, afterTotal = 0;
      const problems: string[] = [];
      for (const [file, ds] of after) {
        const was = before.get(file) ?? [];
        beforeTotal += was.length;
        afterTotal += ds.length;
        for (const k of added(was, ds)) problems.push(`${file}: ${k}`);
      }
      assert.deepEqual(problems.slice(0, 30), [], `${problems.length} new findings after --fix`);
      assert.ok(afterTotal < beforeTotal, `the fixes removed findings (${beforeTotal} → ${afterTotal})`);
      console.log(`# ${name}: ${beforeTotal} findings before --fix, ${afterTotal} after`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
