/**
 * A unified diff of two texts with one hunk spanning all changed lines (fixes are local, so the hunk is
 * small), three lines of context; enough for `--fix-dry-run` and for `patch -p0`.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  if (pre === a.length && pre === b.length) return '';
  const ctx = 3;
  const start = Math.max(0, pre - ctx);
  const aEnd = Math.min(a.length, a.length - suf + ctx);
  const bEnd = Math.min(b.length, b.length - suf + ctx);
  const out = [`--- ${file}`, `+++ ${file}`, `@@ -${start + 1},${aEnd - start} +${start + 1},${bEnd - start} @@`];
  for (let i = start; i < pre; i++) out.push(' ' + a[i]);
  for (let i = pre; i < a.length - suf; i++) out.push('-' + a[i]);
  for (let i = pre; i < b.length - suf; i++) out.push('+' + b[i]);
  for (let i = a.length - suf; i < aEnd; i++) out.push(' ' + a[i]);
  return out.join('\n') + '\n';
}
