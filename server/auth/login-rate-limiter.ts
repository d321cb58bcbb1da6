/**
 * Login rate limits, per client address (all attempts) and per account (failed attempts), over a
 * sliding window. In memory: one server process owns its limits.
 */
export interface LimiterOptions {
  maxPerAddress: number;
  maxFailuresPerAccount: number;
  windowMs: number;
}

class SlidingWindow {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number
  ) {}

  private recent(key: string, nowMs: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
    if (list.length === 0) this.hits.delete(key);
    else this.hits.set(key, list);
    return list;
  }

  /** Seconds until another hit is allowed, or 0 when allowed now. */
  retryAfterS(key: string, nowMs: number): number {
    const list = this.recent(key, nowMs);
    if (list.length < this.max) return 0;
    return Math.max(1, Math.ceil((list[list.length - this.max] + this.windowMs - nowMs) / 1000));
  }

  hit(key: string, nowMs: number): void {
    const list = this.recent(key, nowMs);
    list.push(nowMs);
    this.hits.set(key, list);
    if (this.hits.size > 100_000) this.prune(nowMs);
  }

  clear(key: string): void {
    this.hits.delete(key);
  }

  private prune(nowMs: number): void {
    for (const key of [...this.hits.keys()]) this.recent(key, nowMs);
  }
}

export class LoginRateLimiter {
  private readonly byAddress: SlidingWindow;
  private readonly byAccount: SlidingWindow;

  constructor(opts: LimiterOptions) {
    this.byAddress = new SlidingWindow(opts.maxPerAddress, opts.windowMs);
    this.byAccount = new SlidingWindow(opts.maxFailuresPerAccount, opts.windowMs);
  }

  /** Seconds to wait before this address may try to log in to this account, or 0. */
  check(address: string, account: string, nowMs: number): number {
    return Math.max(
      this.byAddress.retryAfterS(address, nowMs),
      this.byAccount.retryAfterS(account.toLowerCase(), nowMs)
    );
  }

  recordAttempt(address: string, nowMs: number): void {
    this.byAddress.hit(address, nowMs);
  }

  recordFailure(account: string, nowMs: number): void {
    this.byAccount.hit(account.toLowerCase(), nowMs);
  }

  recordSuccess(account: string): void {
    this.byAccount.clear(account.toLowerCase());
  }
}
