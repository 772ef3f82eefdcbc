import fc from "fast-check";

/** `undefined` now and then: the key is dropped when the flow is assembled. */
export const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { nil: undefined });
