import { type CharTest, MAX_PATTERN_LENGTH, Parser, type PatternNode, Unsupported } from "./parse";

/**
 * `matches` rules run a pattern a marketer typed against text a contact typed, so they must not
 * be able to stall the engine (ReDoS). Patterns are compiled to a small Thompson NFA and run as a
 * Pike VM: time is linear in the text for a given pattern, whatever the pattern, and the program
 * is bounded, so the work per character is too. The syntax is JavaScript's, case-insensitive,
 * less what needs backtracking: back-references and lookaround are refused (the rule is then
 * false; the lint says why). Character classes and escapes test one character at a time with the
 * native engine, which cannot backtrack on a single character.
 *
 * A counted repeat of one character (`[a-z]{1,1000}`) is one instruction that keeps the positions
 * its threads entered at, not a thousand copies: its cost per character is constant. Other
 * repeats are expanded, within `MAX_PROGRAM` instructions.
 */

type Instruction =
  | { op: "char"; test: number }
  | { op: "count"; test: number; min: number; max: number }
  | { op: "split"; x: number; y: number }
  | { op: "jmp"; x: number }
  | { op: "assert"; kind: "^" | "$" | "b" | "B" }
  | { op: "match" };

/** Program size after expanding repeats; bounds the work per character. */
export const MAX_PROGRAM = 500;

/**
 * A yes/no search that is not anchored may drop what a match can do without: a repeat that
 * opens (or closes) the pattern matches wherever its last (or first) `min` rounds do, so
 * `(?:ab){1,300}#` is searched as `(?:ab)#`. The program stays small, and so does the work.
 */
function trimEnds(node: PatternNode): PatternNode {
  if (node.t === "alt") return { t: "alt", options: node.options.map(trimEnds) };
  if (node.t !== "seq") return node;
  const items = [...node.items];
  const shorten = (at: number): boolean => {
    const item = items[at];
    if (item?.t !== "repeat") return false;
    if (item.min === 0) items.splice(at, 1);
    else if (item.max === item.min) return false;
    else items[at] = { ...item, max: item.min };
    return true;
  };
  while (shorten(0));
  while (items.length > 0 && shorten(items.length - 1));
  return { t: "seq", items };
}

interface Program {
  code: Instruction[];
  /** The distinct character tests, each run once per character of the text. */
  tests: CharTest[];
}

function emit(node: PatternNode, p: Program): void {
  if (p.code.length > MAX_PROGRAM) {
    throw new Unsupported("it repeats too much: use smaller counts, or fewer groups inside counts");
  }
  const testId = (test: CharTest) => {
    const at = p.tests.indexOf(test);
    return at === -1 ? p.tests.push(test) - 1 : at;
  };
  switch (node.t) {
    case "char":
      p.code.push({ op: "char", test: testId(node.test) });
      return;
    case "assert":
      p.code.push({ op: "assert", kind: node.kind });
      return;
    case "seq":
      for (const item of node.items) emit(item, p);
      return;
    case "alt": {
      const jumps: { op: "jmp"; x: number }[] = [];
      node.options.forEach((option, i) => {
        if (i < node.options.length - 1) {
          const split: Instruction = { op: "split", x: p.code.length + 1, y: 0 };
          p.code.push(split);
          emit(option, p);
          const jump = { op: "jmp" as const, x: 0 };
          p.code.push(jump);
          jumps.push(jump);
          split.y = p.code.length;
        } else {
          emit(option, p);
        }
      });
      for (const jump of jumps) jump.x = p.code.length;
      return;
    }
    case "repeat": {
      const { min, max } = node;
      if (node.node.t === "char" && (min > 1 || (max > 1 && max !== Number.POSITIVE_INFINITY))) {
        p.code.push({ op: "count", test: testId(node.node.test), min, max });
        return;
      }
      for (let i = 0; i < min; i++) emit(node.node, p);
      if (max === Number.POSITIVE_INFINITY) {
        const split: Instruction = { op: "split", x: p.code.length + 1, y: 0 };
        const at = p.code.length;
        p.code.push(split);
        emit(node.node, p);
        p.code.push({ op: "jmp", x: at });
        split.y = p.code.length;
      } else {
        const splits: { op: "split"; x: number; y: number }[] = [];
        for (let i = min; i < max; i++) {
          const split = { op: "split" as const, x: p.code.length + 1, y: 0 };
          p.code.push(split);
          splits.push(split);
          emit(node.node, p);
        }
        for (const split of splits) split.y = p.code.length;
      }
      return;
    }
  }
}

export interface SafePattern {
  test(subject: string): boolean;
}

type Compiled = { ok: true; pattern: SafePattern } | { ok: false; reason: string };

const cache = new Map<string, Compiled>();

function compile(pattern: string): Compiled {
  const cached = cache.get(pattern);
  if (cached) return cached;
  let compiled: Compiled;
  if (pattern.length > MAX_PATTERN_LENGTH) {
    compiled = { ok: false, reason: `it is longer than ${MAX_PATTERN_LENGTH} characters` };
  } else {
    try {
      const program: Program = { code: [], tests: [] };
      emit(trimEnds(new Parser(pattern).parse()), program);
      program.code.push({ op: "match" });
      if (program.code.length > MAX_PROGRAM) {
        throw new Unsupported(
          "it repeats too much: use smaller counts, or fewer groups inside counts",
        );
      }
      const lowered = lower(program);
      compiled = { ok: true, pattern: { test: (subject) => runProgram(lowered, subject) } };
    } catch (error) {
      compiled = {
        ok: false,
        reason: error instanceof Unsupported ? error.message : "it is not a valid pattern",
      };
    }
  }
  if (cache.size > 500) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

/** The compiled pattern, or `undefined` when it is too long or uses what this engine refuses. */
export function compileSafePattern(pattern: string): SafePattern | undefined {
  const compiled = compile(pattern);
  return compiled.ok ? compiled.pattern : undefined;
}

/** Why the engine refuses a pattern (its rule is then false), or undefined when it runs it. */
export function patternRefusal(pattern: string): string | undefined {
  const compiled = compile(pattern);
  return compiled.ok ? undefined : compiled.reason;
}

const WORD = /^[A-Za-z0-9_]$/;

function isWordAt(chars: readonly string[], i: number): boolean {
  const ch = chars[i];
  return ch !== undefined && WORD.test(ch);
}

const OP = { char: 0, count: 1, split: 2, jmp: 3, assert: 4, match: 5 } as const;
const ASSERT = { "^": 0, $: 1, b: 2, B: 3 } as const;

/** The program as typed arrays, once per pattern: the VM's inner loop reads numbers only. */
interface Lowered {
  op: Int8Array;
  /** `char`/`count`: the test; `split`/`jmp`: the first target; `assert`: its kind. */
  a: Int32Array;
  /** `split`: the second target; `count`: min. */
  b: Int32Array;
  /** `count`: max (-1: no bound). */
  c: Float64Array;
  tests: CharTest[];
}

function lower({ code, tests }: Program): Lowered {
  const n = code.length;
  const out: Lowered = {
    op: new Int8Array(n),
    a: new Int32Array(n),
    b: new Int32Array(n),
    c: new Float64Array(n),
    tests,
  };
  code.forEach((ins, pc) => {
    out.op[pc] = OP[ins.op];
    if (ins.op === "char") out.a[pc] = ins.test;
    else if (ins.op === "count") {
      out.a[pc] = ins.test;
      out.b[pc] = ins.min;
      out.c[pc] = ins.max;
    } else if (ins.op === "split") {
      out.a[pc] = ins.x;
      out.b[pc] = ins.y;
    } else if (ins.op === "jmp") out.a[pc] = ins.x;
    else if (ins.op === "assert") out.a[pc] = ASSERT[ins.kind];
  });
  return out;
}

/**
 * Pike VM: every thread advances in lock step over the text, so the work is O(text × program).
 * A `count` instruction holds its threads as the positions they entered at, oldest first: all of
 * them advance on a character its test accepts and all die on one it refuses, so a thread that
 * entered at `e` has read `pos - e` characters, and may leave once that is at least `min`.
 */
function runProgram(program: Lowered, subject: string): boolean {
  const { op, a, b, c, tests } = program;
  const chars = Array.from(subject);
  const size = op.length;
  let current = new Int32Array(size);
  let currentCount = 0;
  let next = new Int32Array(size);
  let nextCount = 0;
  const mark = new Int32Array(size).fill(-1);
  const stack = new Int32Array(size * 2 + 2);
  let generation = 0;
  // Each character's result per test, computed once: `seenAt` says for which position.
  const seenAt = new Int32Array(tests.length).fill(-1);
  const results = new Uint8Array(tests.length);
  let position = 0;
  let ch: string | undefined;
  const accepts = (test: number): boolean => {
    if (seenAt[test] !== position) {
      seenAt[test] = position;
      results[test] = ch !== undefined && (tests[test] as CharTest)(ch) ? 1 : 0;
    }
    return results[test] === 1;
  };
  // Per count instruction: the positions its threads entered at, from `head` on.
  const counts: number[] = [];
  const slot = new Int32Array(size).fill(-1);
  for (let pc = 0; pc < size; pc++) if (op[pc] === OP.count) slot[pc] = counts.push(pc) - 1;
  const entered: number[][] = counts.map(() => []);
  const head = new Int32Array(counts.length);

  // Follows jumps, splits and assertions from `start` at `pos`; collects char and match states.
  const add = (list: Int32Array, count: number, start: number, pos: number): number => {
    let top = 0;
    stack[top++] = start;
    while (top > 0) {
      const pc = stack[--top] as number;
      if (mark[pc] === generation) continue;
      mark[pc] = generation;
      switch (op[pc]) {
        case OP.jmp:
          stack[top++] = a[pc] as number;
          break;
        case OP.split:
          stack[top++] = b[pc] as number;
          stack[top++] = a[pc] as number;
          break;
        case OP.count: {
          const at = entered[slot[pc] as number] as number[];
          if (at[at.length - 1] !== pos) at.push(pos);
          if (b[pc] === 0) stack[top++] = pc + 1;
          break;
        }
        case OP.assert: {
          const kind = a[pc];
          let ok: boolean;
          if (kind === ASSERT["^"]) ok = pos === 0;
          else if (kind === ASSERT.$) ok = pos === chars.length;
          else {
            const boundary = isWordAt(chars, pos - 1) !== isWordAt(chars, pos);
            ok = kind === ASSERT.b ? boundary : !boundary;
          }
          if (ok) stack[top++] = pc + 1;
          break;
        }
        default:
          list[count++] = pc;
      }
    }
    return count;
  };

  for (let pos = 0; pos <= chars.length; pos++) {
    // Threads that have read enough in a count leave it here.
    for (let k = 0; k < counts.length; k++) {
      const pc = counts[k] as number;
      const at = entered[k] as number[];
      let h = head[k] as number;
      while (h < at.length && pos - (at[h] as number) > (c[pc] as number)) h++;
      head[k] = h;
      if (h < at.length && pos - (at[h] as number) >= (b[pc] as number)) {
        currentCount = add(current, currentCount, pc + 1, pos);
      }
    }
    // An unanchored search: a new thread starts at every position.
    currentCount = add(current, currentCount, 0, pos);
    generation++;
    nextCount = 0;
    ch = chars[pos];
    position = pos;
    for (let k = 0; k < counts.length; k++) {
      if ((head[k] as number) >= (entered[k] as number[]).length) continue;
      if (!accepts(a[counts[k] as number] as number)) {
        (entered[k] as number[]).length = 0;
        head[k] = 0;
      }
    }
    for (let i = 0; i < currentCount; i++) {
      const pc = current[i] as number;
      if (op[pc] === OP.match) return true;
      if (op[pc] === OP.char && accepts(a[pc] as number)) {
        const to = pc + 1;
        const o = op[to];
        // The common case, a character after a character: no closure to follow.
        if (o === OP.char || o === OP.match) {
          if (mark[to] !== generation) {
            mark[to] = generation;
            next[nextCount++] = to;
          }
        } else nextCount = add(next, nextCount, to, pos + 1);
      }
    }
    [current, next] = [next, current];
    currentCount = nextCount;
  }
  return false;
}
