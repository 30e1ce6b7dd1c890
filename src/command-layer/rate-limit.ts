/**
 * A token bucket per user: bursts of clicks are fine, a flood is slowed down with a polite note
 * instead of reaching the games and the database.
 */
export interface RateLimiterOptions {
  capacity: number;
  refillPerSecond: number;
  now: () => number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: RateLimiterOptions) {}

  take(key: string): boolean {
    const now = this.options.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.options.capacity, at: now };
    const refilled = Math.min(this.options.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.options.refillPerSecond);
    const allowed = refilled >= 1;
    this.buckets.set(key, { tokens: allowed ? refilled - 1 : refilled, at: now });
    if (this.buckets.size > 10_000) this.forgetFull(now);
    return allowed;
  }

  /** Drops buckets that have refilled completely, so memory stays bounded. */
  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      const tokens = bucket.tokens + ((now - bucket.at) / 1000) * this.options.refillPerSecond;
      if (tokens >= this.options.capacity) this.buckets.delete(key);
    }
  }
}
