import type { FaultCode } from "./errors";

/** A share of calls to fail, drawn from a seeded generator so a run can be replayed exactly. */
export interface FaultPlan {
  /** 0..1: the probability that a call fails. */
  rate: number;
  /** The faults to draw from, uniformly. */
  codes: FaultCode[];
  seed?: number;
}

/** Decides, call by call, whether to fail and how. Scripted failures come before random ones. */
export class FaultInjector {
  private random: () => number = mulberry32(1);
  private plan: FaultPlan = { rate: 0, codes: [] };
  private readonly scripted: FaultCode[] = [];

  setPlan(plan: FaultPlan): void {
    if (!(plan.rate >= 0 && plan.rate <= 1)) throw new RangeError("fault rate must be within 0..1");
    this.plan = { ...plan, codes: [...plan.codes] };
    this.random = mulberry32(plan.seed ?? 1);
  }

  /** Fail the next `count` calls with `code`, whatever the plan says. */
  failNext(count: number, code: FaultCode): void {
    for (let i = 0; i < count; i++) this.scripted.push(code);
  }

  reset(): void {
    this.scripted.length = 0;
    this.setPlan({ rate: 0, codes: [] });
  }

  next(): FaultCode | undefined {
    const scripted = this.scripted.shift();
    if (scripted !== undefined) return scripted;
    const { rate, codes } = this.plan;
    if (rate <= 0 || codes.length === 0) return undefined;
    // Two draws per call keep the sequence of decisions independent of which code was picked.
    const hit = this.random() < rate;
    const pick = codes[Math.floor(this.random() * codes.length)];
    return hit ? pick : undefined;
  }
}

/** A small, well-known 32-bit generator: deterministic for a seed, good enough for fault draws. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
