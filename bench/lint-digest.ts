/**
 * Behaviour check for speed work: lints every corpus article (fixed "today") and prints one sha1 of all
 * diagnostics with their fixes and related locations (and, with --per-file, one line per article), so a
 * change that must not alter results can be compared before/after:
 *   node --import tsx bench/lint-digest.ts [dir] [--per-file] > after.txt; diff before.txt after.txt
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lint } from '../server/src/core/lint/lint';

const args = process.argv.slice(2);
const perFile = args.includes('--per-file');
const shared = resolve(__dirname, '../../shared/corpus/articles');
const dir = args.find((a) => !a.startsWith('--')) ?? (existsSync(shared) ? shared : resolve(__dirname, '../test/fixtures/corpus'));
const all = createHash('sha1');
for (const f of readdirSync(dir).filter((n) => n.endsWith('.wiki')).sort()) {
  const r = lint(readFileSync(join(dir, f), 'utf8'), { today: { year: 2026, month: 11, day: 30 } });
  // messageId is new metadata (issue 10); the rendered message, ranges and fixes must stay the same
  const s = JSON.stringify(r.diagnostics.map((d) => { const { messageId: _m, ...rest } = d as typeof d & { messageId?: string }; return rest; })) + JSON.stringify(r.ruleErrors.map((e) => e.rule)) + JSON.stringify(r.skippedRules);
  all.update(s);
  if (perFile) console.log(`${createHash('sha1').update(s).digest('hex')} ${r.diagnostics.length} ${f}`);
}
console.log(`${all.digest('hex')} all`);
