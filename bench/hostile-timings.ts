/**
 * The timings of issue 17 (hostile text and workspaces), each at two sizes with the ratio: run before and
 * after a change on the same machine. `node --import tsx bench/hostile-timings.ts`
 * A linear step gives a ratio near the size ratio (×4 here); a quadratic one near its square (×16).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint, applyEdits, fixAll } from '../server/src/core/lint/lint';
import { urlError } from '../server/src/core/cs1/urls';
import { analyse } from '../server/src/core/analysis';
import { documentSymbols } from '../server/src/core/features/symbols';
import { hover } from '../server/src/core/features/hover';
import { findConfigFor } from '../server/src/cli/files';

const today = { year: 2024, month: 6, day: 1 };

function time(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

const rows: [string, number, number, number, number][] = [];
function measure(name: string, small: number, large: number, run: (n: number) => void): void {
  if (process.env.ONLY && !name.includes(process.env.ONLY)) return;
  run(Math.min(small, 1000)); // warm up
  // the best of up to three runs (one when a run takes over 2 s): a loaded machine adds noise, never removes it
  const best = (n: number) => {
    let ms = time(() => run(n));
    for (let i = 0; i < 2 && ms < 2000; i++) ms = Math.min(ms, time(() => run(n)));
    return ms;
  };
  const a = best(small);
  const b = best(large);
  rows.push([name, small, large, a, b]);
  console.log(`${name.padEnd(58)} n=${String(small).padStart(7)}: ${a.toFixed(0).padStart(7)} ms   n=${String(large).padStart(7)}: ${b.toFixed(0).padStart(7)} ms   ratio ${(b / Math.max(a, 1)).toFixed(1)}`);
}

const citeWithDate = (n: number) => `<ref>{{cite web |url=https://example.org/ |title=T |date=a${' '.repeat(n)}b}}</ref>`;
measure('lint: |date=a + N spaces + b', 2_500, 10_000, (n) => lint(citeWithDate(n), { today }));
measure('urlError: host a-a-a-... of N chars', 8_000, 32_000, (n) => urlError('https://' + 'a-'.repeat(n / 2) + 'a'));
measure('lint: |url= host a-a-a-... of N chars', 8_000, 32_000, (n) => lint(`<ref>{{cite web |url=https://${'a-'.repeat(n / 2)}a |title=T}}</ref>`, { today }));
measure('documentSymbols: "a == " + N spaces + "x"', 8_000, 32_000, (n) => documentSymbols(analyse('a == ' + ' '.repeat(n) + 'x', { today })));
for (const unit of ['<', '<a', '[[', '[//a ']) {
  const doc = (n: number) => `<ref name="r">{{cite web |url=https://example.org/ |title=${unit.repeat(n / unit.length)}}}</ref>\n<ref name="r"/>`;
  measure(`documentSymbols: title of ${JSON.stringify(unit)} × N/${unit.length}`, 8_000, 32_000, (n) => documentSymbols(analyse(doc(n), { today })));
  measure(`hover: title of ${JSON.stringify(unit)} × N/${unit.length}`, 8_000, 32_000, (n) => {
    const a = analyse(doc(n), { today });
    hover(a, a.text.indexOf('cite web') + 2, { linkBase: 'https://en.wikipedia.org/wiki/', today });
  });
}
const manyFixes = (n: number) => '<ref>{{cite web |url=https://example.org/ |title=T |deadurl=yes}}</ref>\n'.repeat(n);
measure('fixAll: N fixable citations', 1_000, 4_000, (n) => fixAll(manyFixes(n), { today }));
measure('applyEdits: N one-character edits', 10_000, 40_000, (n) => applyEdits('x'.repeat(n), Array.from({ length: n }, (_, i) => ({ start: i, end: i + 1, newText: 'yy' }))));
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-timings-'));
measure('findConfigFor: a path of N characters (a/a/a/...)', 8_000, 32_000, (n) => {
  findConfigFor(path.join(root, 'x'.repeat(0), ...Array.from({ length: n / 2 }, () => 'a'), 'f.wiki'));
});
fs.rmSync(root, { recursive: true, force: true });
