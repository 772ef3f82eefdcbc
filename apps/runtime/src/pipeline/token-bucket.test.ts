import { describe, expect, it } from "vitest";
import { RATE_WINDOW_MS, TokenBucket } from "./token-bucket";

describe("the per-Page send rate", () => {
  it("never lets more than the rate through in any rolling second, bursts included", () => {
    let now = 0;
    const bucket = new TokenBucket(300, () => now);
    const calls: number[] = [];
    // A sender that takes a slot whenever it can, for 5 simulated seconds.
    while (now < 5_000) {
      const wait = bucket.take();
      if (wait === 0) calls.push(now);
      else now += Math.min(wait, 7);
    }
    for (let i = 0; i + 300 < calls.length; i++) {
      expect((calls[i + 300] as number) - (calls[i] as number)).toBeGreaterThanOrEqual(1000);
    }
    // And it keeps to the rate, not under it: about 300 a second.
    expect(calls.length).toBeGreaterThan((5_000 / RATE_WINDOW_MS) * 300 - 1);
  });

  it("gives a refunded slot back, and halves the rate after a 613", () => {
    let now = 0;
    const bucket = new TokenBucket(10, () => now);
    for (let i = 0; i < 10; i++) expect(bucket.take()).toBe(0);
    expect(bucket.take()).toBeGreaterThan(0);
    bucket.refund();
    expect(bucket.take()).toBe(0);
    bucket.slowDown();
    expect(bucket.rate).toBe(5);
    now += 6_000;
    bucket.take();
    expect(bucket.rate).toBe(6.25);
  });
});
