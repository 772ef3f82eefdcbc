import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileSafePattern, patternRefusal } from ".";

describe("compileSafePattern", () => {
  it.each([
    ["^[a-z]\\d{5}$", "A12345", true],
    ["^[a-z]\\d{5}$", "A1234", false],
    ["colis|parcel", "my PARCEL", true],
    ["\\border\\b", "border", false],
    ["\\border\\b", "an order!", true],
    ["^(?:yes|oui)\\s*!*$", "Oui !!", true],
    ["a{2,3}b", "aaab", true],
    ["a{2,3}b", "ab", false],
    ["^.+@.+\\..+$", "ada@example.com", true],
    ["[^0-9]", "123", false],
    ["\\p{L}+", "日本", true],
    ["(?<word>ab)+c", "ababc", true],
  ])("%s on %s → %s, like the native engine", (pattern, subject, expected) => {
    expect(compileSafePattern(pattern)?.test(subject)).toBe(expected);
    expect(new RegExp(pattern, "iu").test(subject)).toBe(expected);
  });

  it("refuses what needs backtracking, and invalid patterns", () => {
    for (const pattern of ["(a)\\1", "a(?=b)", "(?<!a)b", "(", "a**", "x".repeat(201), "a{5000}"]) {
      expect(compileSafePattern(pattern)).toBeUndefined();
    }
  });

  it("says why it refuses a pattern, and nothing for one it runs", () => {
    expect(patternRefusal("(a)\\1")).toContain("back-references");
    expect(patternRefusal("a(?=b)")).toContain("lookahead");
    expect(patternRefusal("a{5000}")).toContain("up to 1000");
    expect(patternRefusal("#(?:ab){1,1000}#")).toContain("repeats too much");
    // Opening or closing the pattern, a repeat needs only its fewest rounds: it runs.
    expect(patternRefusal("(?:ab){1,1000}#")).toBeUndefined();
    expect(patternRefusal("#(?:ab){2,1000}")).toBeUndefined();
    // Anchored, every round counts: expanded, within the program's bound.
    expect(patternRefusal("^(?:ab){1,300}#")).toContain("repeats too much");
    expect(patternRefusal("x".repeat(201))).toContain("longer than 200");
    expect(patternRefusal("[a-z]{1,1000}#")).toBeUndefined();
  });

  it("runs a counted repeat of one character as one instruction, like the native engine", () => {
    const cases: [string, string, boolean][] = [
      ["[a-z]{1,1000}#", `${"a".repeat(1000)}#`, true],
      ["[a-z]{1,1000}#", "a".repeat(1000), false],
      ["^[a-z]{3,5}$", "abcd", true],
      ["^[a-z]{3,5}$", "abcdef", false],
      ["^[a-z]{3,5}$", "ab", false],
      ["x[a-z]{2}y", "xaby", true],
      ["x[a-z]{2}y", "xaaby", false],
      ["\\d{0,3}!", "!", true],
      ["^\\d{2,}$", "1", false],
      ["^\\d{2,}$", "123456", true],
      ["^(?:a{2}b){2}$", "aabaab", true],
      ["(a{1,2}b)*c", "abaabc", true],
      ["^a{2,3}a{2}$", "aaaa", true],
      ["^a{2,3}a{2}$", "aaa", false],
      ["(?:[a-z][a-z]){1,300}#", `${"a".repeat(999)}#`, true],
      ["(?:[a-z][a-z]){2,300}#", "a#", false],
      ["#(?:ab){2,300}", "#ab", false],
      ["#(?:ab){2,300}", "x#ababab", true],
      ["(?:ab)*c|d(?:e)+", "xdee", true],
      ["^(?:ab){1,100}#", "ab#", true],
      ["^(?:ab){2,100}$", "ab", false],
    ];
    for (const [pattern, subject, expected] of cases) {
      expect(new RegExp(pattern, "iu").test(subject)).toBe(expected);
      expect(compileSafePattern(pattern)?.test(subject), `${pattern} on ${subject}`).toBe(expected);
    }
  });

  it("stays fast on patterns that stall a backtracking engine", () => {
    const evil = compileSafePattern("^(a+)+$");
    expect(evil?.test(`${"a".repeat(1000)}!`)).toBe(false);
    const adjacent = compileSafePattern("a*a*a*a*a*b");
    expect(adjacent?.test("a".repeat(1000))).toBe(false);
  });

  it("agrees with the native engine on random patterns and texts", () => {
    const atom = fc.constantFrom(
      "a",
      "b",
      ".",
      "[ab]",
      "[^a]",
      "\\d",
      "(a|b)",
      "(?:ab)",
      "^",
      "$",
      "\\b",
    );
    const quantifier = fc.constantFrom(
      "",
      "",
      "*",
      "+",
      "?",
      "{1,2}",
      "*?",
      "{2}",
      "{0,3}",
      "{2,}",
    );
    const piece = fc
      .tuple(atom, quantifier)
      .map(([a, q]) => (a === "^" || a === "$" || a === "\\b" ? a : a + q));
    const pattern = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(""));
    const text = fc.string({ unit: fc.constantFrom("a", "b", "A", "1", " "), maxLength: 12 });
    fc.assert(
      fc.property(pattern, text, (p, t) => {
        expect(compileSafePattern(p)?.test(t)).toBe(new RegExp(p, "iu").test(t));
      }),
      { numRuns: 500 },
    );
  });
});
