/**
 * Hostile documents linted with a citation profile (local dates, local ref templates): growth stays linear. Same
 * shape as hostileLint.test.ts (64 KB and 256 KB, a generous ×10 + 100 ms bound), with the vi and uk maps.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/core/lint/lint';
import { parseCitationProfile } from '../../server/src/core/citationProfile';

const KB = 1024;
const today = { year: 2026, month: 1, day: 1 };
const load = (site: string) => parseCitationProfile(JSON.parse(readFileSync(join(__dirname, '..', '..', 'server', 'data', 'citation-profiles', `${site}.json`), 'utf8')));
const vi = load('vi.wikipedia.org'), uk = load('uk.wikipedia.org');

const GROWTH: [string, typeof vi, (n: number) => string][] = [
  ['distinct local dates', vi, (n) => Array.from({ length: Math.floor(n / 90) }, (_, i) => `<ref>{{Chú thích web |url=https://e.org/${i} |tiêu đề=t |ngày=ngày ${1 + (i % 28)} tháng ${1 + (i % 12)} năm ${1900 + (i % 120)}}}</ref>\n`).join('')],
  ['month names up to the date length bound', uk, (n) => `<ref>{{Cite web |url=https://e.org |title=t |дата=${'січня '.repeat(16)}}}</ref>\n`.repeat(n / 140)],
  ['one huge local date', uk, (n) => `{{Cite web |url=https://e.org |title=t |дата=${'15 липня '.repeat(n / 9)}2014 р.}}`],
  ['local reference lists', vi, (n) => '<ref group="g">x</ref>{{Tham khảo|group=g}}{{Ghi chú}}'.repeat(n / 50)],
];

function timeLint(text: string, cp: typeof vi): number {
  const t0 = performance.now();
  const r = lint(text, { today, profile: { site: `${cp.site}`, lang: cp.lang }, citationProfile: cp });
  const ms = performance.now() - t0;
  assert.deepEqual(r.ruleErrors, [], 'no rule throws');
  return ms;
}

for (const [name, cp, make] of GROWTH) {
  test(`lint with a citation profile stays linear: ${name}`, { timeout: 60_000 }, () => {
    const small = make(64 * KB), large = make(256 * KB);
    timeLint(small, cp);
    // the fastest of three runs: load spikes and GC pauses lengthen one run, a quadratic path every run
    const best = (t: string) => Math.min(timeLint(t, cp), timeLint(t, cp), timeLint(t, cp));
    const tSmall = Math.max(best(small), 2);
    const tLarge = best(large);
    assert.ok(tLarge < tSmall * 10 + 100, `${name}: ${tSmall.toFixed(1)} ms for 64 KB but ${tLarge.toFixed(1)} ms for 256 KB`);
  });
}
