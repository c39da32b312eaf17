/**
 * A line-based three-way merge (diff3): the user's text and the wiki's newer revision, both derived from the
 * revision the user opened. Changes that touch different lines are combined; overlapping ones are a conflict
 * (`undefined`), and then the user merges by hand in the diff editor. Pure.
 */

interface Hunk {
  /** Lines of the base replaced: [start, end). */
  start: number;
  end: number;
  lines: string[];
}

/** The hunks that turn `a` into `b` (longest common subsequence of lines, trimmed of common ends first). */
function diffHunks(a: string[], b: string[]): Hunk[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const n = A.length, m = B.length;
  if (n * m > 25_000_000) return [{ start: pre, end: a.length - suf, lines: B }]; // too big for the table: one hunk
  const L: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = A[i] === B[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const hunks: Hunk[] = [];
  let i = 0, j = 0;
  let cur: Hunk | undefined;
  const flush = () => {
    if (cur) hunks.push(cur);
    cur = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && A[i] === B[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i === n || L[i][j + 1] >= L[i + 1][j])) {
      cur ??= { start: pre + i, end: pre + i, lines: [] };
      cur.lines.push(B[j++]);
    } else {
      cur ??= { start: pre + i, end: pre + i, lines: [] };
      i++;
      cur.end = pre + i;
    }
  }
  flush();
  return hunks;
}

/** `base` changed into `mine` and into `theirs`; the merged text, or `undefined` when the changes overlap. */
export function mergeThreeWay(base: string, mine: string, theirs: string): string | undefined {
  if (mine === theirs) return mine;
  if (mine === base) return theirs;
  if (theirs === base) return mine;
  const b = base.split('\n');
  const hm = diffHunks(b, mine.split('\n')).map((h) => ({ ...h, who: 0 }));
  const ht = diffHunks(b, theirs.split('\n')).map((h) => ({ ...h, who: 1 }));
  const all = [...hm, ...ht].sort((x, y) => x.start - y.start || x.end - y.end);
  const out: string[] = [];
  let pos = 0;
  let k = 0;
  while (k < all.length) {
    const h = all[k];
    const next = all[k + 1];
    if (next && next.start <= h.end) {
      // the same change made on both sides is fine; anything else touching the same or adjacent lines is a conflict
      const same = next.start === h.start && next.end === h.end && next.lines.join('\n') === h.lines.join('\n');
      if (!same) return undefined;
      all.splice(k + 1, 1);
      continue;
    }
    if (h.start < pos) return undefined;
    out.push(...b.slice(pos, h.start), ...h.lines);
    pos = h.end;
    k++;
  }
  out.push(...b.slice(pos));
  return out.join('\n');
}
