/**
 * A unified diff of two texts, as `diff -u` writes it: a hunk around each change with three lines of context
 * (hunks whose context touches merge), `\ No newline at end of file` where it applies; `patch -p0` applies it.
 * Lines are compared after the common start and end are trimmed, with Myers' O((N+M)D) algorithm: fixes
 * change few lines, so D is small even in long articles.
 */

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

function splitLines(text: string): { lines: string[]; finalNewline: boolean } {
  const lines = text.split('\n');
  const finalNewline = lines[lines.length - 1] === '';
  if (finalNewline) lines.pop();
  return { lines, finalNewline };
}

/** The edit script between a and b (indices into each), by Myers' greedy algorithm. */
function myers(a: string[], b: string[], aLo: number, aHi: number, bLo: number, bHi: number): Op[] {
  const n = aHi - aLo, m = bHi - bLo, max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  trace.push(v.slice());
  // walk back
  const ops: Op[] = [];
  let x = n, y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[max + k - 1] < vd[max + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[max + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY && x > 0 && y > 0) {
      x--;
      y--;
      ops.push({ kind: ' ', line: a[aLo + x], a: aLo + x, b: bLo + y });
    }
    if (d === 0) break;
    if (x === prevX) {
      y--;
      ops.push({ kind: '+', line: b[bLo + y], a: aLo + x, b: bLo + y });
    } else {
      x--;
      ops.push({ kind: '-', line: a[aLo + x], a: aLo + x, b: bLo + y });
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    ops.push({ kind: ' ', line: a[aLo + x], a: aLo + x, b: bLo + y });
  }
  return ops.reverse();
}

/** `--- file` / `+++ file` and the hunks; '' when the texts are equal. */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const A = splitLines(before), B = splitLines(after);
  const a = A.lines, b = B.lines;
  // the last line differs if only its final newline does
  const aLast = (i: number) => i === a.length - 1 && !A.finalNewline;
  const bLast = (i: number) => i === b.length - 1 && !B.finalNewline;
  const same = (i: number, j: number) => a[i] === b[j] && aLast(i) === bLast(j);
  let pre = 0;
  while (pre < a.length && pre < b.length && same(pre, pre)) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && same(a.length - 1 - suf, b.length - 1 - suf)) suf++;
  const ops: Op[] = [];
  for (let i = 0; i < pre; i++) ops.push({ kind: ' ', line: a[i], a: i, b: i });
  // the middle: lines that differ only in the missing final newline are distinct
  const aMid = a.slice(pre, a.length - suf).map((l, i) => (aLast(pre + i) ? l + '\0' : l));
  const bMid = b.slice(pre, b.length - suf).map((l, i) => (bLast(pre + i) ? l + '\0' : l));
  for (const op of myers(aMid, bMid, 0, aMid.length, 0, bMid.length)) ops.push({ kind: op.kind, line: op.kind === '+' ? b[pre + op.b] : a[pre + op.a], a: pre + op.a, b: pre + op.b });
  for (let i = 0; i < suf; i++) ops.push({ kind: ' ', line: a[a.length - suf + i], a: a.length - suf + i, b: b.length - suf + i });

  const out = [`--- ${file}`, `+++ ${file}`];
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i].kind === ' ') i++;
    if (i >= ops.length) break;
    // a hunk: from `context` lines before this change to `context` lines after the last change within reach
    const start = Math.max(0, i - context);
    let end = i;
    for (;;) {
      while (end < ops.length && ops[end].kind !== ' ') end++;
      let j = end;
      while (j < ops.length && ops[j].kind === ' ' && j - end < 2 * context + 1) j++;
      if (j < ops.length && ops[j].kind !== ' ' && j - end <= 2 * context) end = j;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    const hunk = ops.slice(start, stop);
    const aCount = hunk.filter((o) => o.kind !== '+').length;
    const bCount = hunk.filter((o) => o.kind !== '-').length;
    const aStart = hunk.find((o) => o.kind !== '+')?.a ?? hunk[0].a;
    const bStart = hunk.find((o) => o.kind !== '-')?.b ?? hunk[0].b;
    out.push(`@@ -${aCount ? aStart + 1 : aStart},${aCount} +${bCount ? bStart + 1 : bStart},${bCount} @@`);
    for (const o of hunk) {
      out.push(o.kind + o.line);
      const last = o.kind === '+' ? bLast(o.b) : o.kind === '-' ? aLast(o.a) : aLast(o.a) || bLast(o.b);
      if (last) out.push('\\ No newline at end of file');
    }
    i = stop;
  }
  return out.join('\n') + '\n';
}
