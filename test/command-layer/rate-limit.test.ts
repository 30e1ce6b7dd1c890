import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/command-layer/rate-limit.js';

describe('RateLimiter', () => {
  it('allows a burst up to capacity, then refills over time, per key', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 3, refillPerSecond: 1, now: () => now });
    expect([1, 2, 3, 4].map(() => limiter.take('ann'))).toEqual([true, true, true, false]);
    expect(limiter.take('bob')).toBe(true);
    now += 999;
    expect(limiter.take('ann')).toBe(false);
    now += 1;
    expect(limiter.take('ann')).toBe(true);
    expect(limiter.take('ann')).toBe(false);
  });
});
