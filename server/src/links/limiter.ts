/**
 * Politeness: at most `maxPerHost` requests at once per host and `maxTotal` in all, a pause of `hostDelayMs`
 * between two request starts on one host, hosts held back after a Retry-After, and cancellation that
 * releases every waiter at once.
 */
import { NetFailure } from './http';

interface Waiter {
  host: string;
  resolve: (release: () => void) => void;
  reject: (e: Error) => void;
}

export class HostLimiter {
  private active = new Map<string, number>();
  private total = 0;
  private nextStart = new Map<string, number>();
  private queue: Waiter[] = [];
  private timer: NodeJS.Timeout | null = null;
  private cancelled = false;

  constructor(private maxPerHost: number, private maxTotal: number, private hostDelayMs: number, signal?: AbortSignal) {
    signal?.addEventListener('abort', () => this.cancel());
  }

  /** Waits for a slot on the host; resolves with the function that frees it. */
  acquire(host: string): Promise<() => void> {
    if (this.cancelled) return Promise.reject(new NetFailure('aborted', 'cancelled'));
    return new Promise((resolve, reject) => {
      this.queue.push({ host, resolve, reject });
      this.pump();
    });
  }

  /** Holds a host back until `until` (a Retry-After). */
  holdUntil(host: string, until: number): void {
    this.nextStart.set(host, Math.max(this.nextStart.get(host) ?? 0, until));
  }

  /** Rejects every waiter now. */
  cancel(): void {
    this.cancelled = true;
    if (this.timer) clearTimeout(this.timer);
    const waiting = this.queue;
    this.queue = [];
    for (const w of waiting) w.reject(new NetFailure('aborted', 'cancelled'));
  }

  private pump(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const now = Date.now();
    let wakeAt = Infinity;
    for (let i = 0; i < this.queue.length && this.total < this.maxTotal; i++) {
      const w = this.queue[i];
      const active = this.active.get(w.host) ?? 0;
      if (active >= this.maxPerHost) continue;
      const start = this.nextStart.get(w.host) ?? 0;
      if (start > now) {
        wakeAt = Math.min(wakeAt, start);
        continue;
      }
      this.queue.splice(i--, 1);
      this.active.set(w.host, active + 1);
      this.total++;
      this.nextStart.set(w.host, now + this.hostDelayMs);
      let released = false;
      w.resolve(() => {
        if (released) return;
        released = true;
        this.active.set(w.host, (this.active.get(w.host) ?? 1) - 1);
        this.total--;
        this.pump();
      });
    }
    if (wakeAt < Infinity && this.queue.length) this.timer = setTimeout(() => this.pump(), Math.max(1, wakeAt - Date.now()));
  }
}
