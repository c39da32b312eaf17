/**
 * Findings per rule on a directory of articles (default: ../shared/corpus/articles), as JSON on stdout.
 * Used to measure what a rule change does to the whole corpus:
 *   node --import tsx scripts/rule-counts.ts [dir] > counts.json
 *   node --import tsx scripts/rule-counts.ts --compare before.json after.json   (a markdown table)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../server/src/core/lint/lint';

const args = process.argv.slice(2);
if (args[0] === '--compare') {
  const a = JSON.parse(readFileSync(args[1], 'utf8')) as Record<string, number>;
  const b = JSON.parse(readFileSync(args[2], 'utf8')) as Record<string, number>;
  const ids = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  console.log('| rule | before | after | change |\n| --- | ---: | ---: | ---: |');
  for (const id of ids) {
    const x = a[id] ?? 0, y = b[id] ?? 0;
    console.log(`| ${id} | ${x} | ${y} | ${y - x > 0 ? '+' : ''}${y - x} |`);
  }
} else {
  const dir = args[0] ?? join(__dirname, '..', '..', 'shared', 'corpus', 'articles');
  const counts: Record<string, number> = {};
  const today = { year: 2026, month: 11, day: 30 };
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.wiki')) continue;
    const { diagnostics } = lint(readFileSync(join(dir, f), 'utf8'), { today });
    for (const d of diagnostics) counts[d.rule] = (counts[d.rule] ?? 0) + 1;
  }
  console.log(JSON.stringify(counts, null, 1));
}
