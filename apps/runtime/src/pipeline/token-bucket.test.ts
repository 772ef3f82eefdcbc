import { describe, expect, it } from "vitest";
import { TokenBucket } from "./token-bucket";

describe("the per-Page send rate", () => {
  it("never lets more than the rate out in any rolling second, however long a slot waits to go", () => {
    let now = 0;
    const bucket = new TokenBucket(300, () => now);
    // A slot's call is issued 0 to 300 ms after it is taken (reading the row, rendering).
    const arrivals: number[] = [];
    const pending: { at: number }[] = [];
    let seed = 7;
    const jitter = () => {
      seed = (seed * 48271) % 2147483647;
      return seed % 300;
    };
    while (now < 5_000) {
      for (let i = pending.length - 1; i >= 0; i--) {
        if ((pending[i] as { at: number }).at <= now) {
          pending.splice(i, 1);
          arrivals.push(now);
          bucket.issued();
        }
      }
      const wait = bucket.take();
      if (wait === 0) pending.push({ at: now + jitter() });
      else now += Math.min(wait, 3);
    }
    arrivals.sort((a, b) => a - b);
    for (let i = 0; i + 300 < arrivals.length; i++) {
      expect((arrivals[i + 300] as number) - (arrivals[i] as number)).toBeGreaterThanOrEqual(1000);
    }
    expect(arrivals.length).toBeGreaterThan(900);
  });

  it("keeps Meta's count within the rate however long calls travel, counting each from its answer", () => {
    let now = 0;
    const bucket = new TokenBucket(300, () => now);
    // Each call reaches Meta 0–80 ms after it is taken (a busy event loop, a loaded machine), and
    // its answer comes back 0–80 ms after that; Meta counts it on arrival.
    const atMeta: number[] = [];
    const answers: { at: number }[] = [];
    let seed = 11;
    const travel = () => {
      seed = (seed * 48271) % 2147483647;
      return seed % 80;
    };
    while (now < 5_000) {
      for (let i = answers.length - 1; i >= 0; i--) {
        if ((answers[i] as { at: number }).at <= now) {
          answers.splice(i, 1);
          bucket.issued();
        }
      }
      if (bucket.take() === 0) {
        const arrival = now + travel();
        atMeta.push(arrival);
        answers.push({ at: arrival + travel() });
      } else now += 1;
    }
    atMeta.sort((a, b) => a - b);
    for (let i = 0; i + 300 < atMeta.length; i++) {
      expect((atMeta[i + 300] as number) - (atMeta[i] as number)).toBeGreaterThanOrEqual(1000);
    }
    // Yet the pace stays near the rate: within 8 % of 300/s over the 5 s.
    expect(atMeta.length).toBeGreaterThan(0.92 * 1_500);
  });

  it("keeps to the rate when calls go at once", () => {
    let now = 0;
    const bucket = new TokenBucket(300, () => now);
    let calls = 0;
    while (now < 10_000) {
      if (bucket.take() === 0) {
        calls++;
        bucket.issued();
      } else now += 1;
    }
    expect(calls).toBeGreaterThan(2_850);
  });

  it("gives a refunded slot back, and halves the rate after a 613", () => {
    let now = 0;
    const bucket = new TokenBucket(10, () => now);
    for (let i = 0; i < 10; i++) {
      expect(bucket.take()).toBe(0);
      bucket.issued();
      now += 100;
    }
    expect(bucket.take()).toBeGreaterThan(0);
    now += 100;
    expect(bucket.take()).toBe(0);
    bucket.refund();
    now += 100;
    expect(bucket.take()).toBe(0);
    bucket.slowDown();
    expect(bucket.rate).toBe(5);
    now += 6_000;
    bucket.take();
    expect(bucket.rate).toBe(6.25);
    // Paced: one slot each 1 / rate, not all at once.
    expect(bucket.take()).toBeGreaterThan(0);
  });
});
