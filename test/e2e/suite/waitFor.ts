/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs` (saying what it last saw). */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000, last?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `; last seen: ${last()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
