import { MAX_PATTERN_LENGTH } from "@convo/flow";

/**
 * `matches` rules run a pattern a marketer typed against text a contact typed, so they must not
 * be able to stall the engine (ReDoS). Patterns are compiled to a small Thompson NFA and run as a
 * Pike VM: time is linear in the text for a given pattern, whatever the pattern. The syntax is
 * JavaScript's, case-insensitive, less what needs backtracking: back-references and lookaround
 * are refused (the rule is then false). Character classes and escapes test one character at a
 * time with the native engine, which cannot backtrack on a single character.
 */

type Instruction =
  | { op: "char"; test: (ch: string) => boolean }
  | { op: "split"; x: number; y: number }
  | { op: "jmp"; x: number }
  | { op: "assert"; kind: "^" | "$" | "b" | "B" }
  | { op: "match" };

type Node =
  | { t: "char"; test: (ch: string) => boolean }
  | { t: "assert"; kind: "^" | "$" | "b" | "B" }
  | { t: "seq"; items: Node[] }
  | { t: "alt"; options: Node[] }
  | { t: "repeat"; node: Node; min: number; max: number };

/** Program size after expanding counted repeats; bounds the work per character. */
const MAX_PROGRAM = 4_000;
const MAX_COUNT = 1_000;

class Unsupported extends Error {}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alt();
    if (this.pos < this.src.length) throw new Unsupported("unbalanced )");
    return node;
  }

  private alt(): Node {
    const options = [this.seq()];
    while (this.src[this.pos] === "|") {
      this.pos++;
      options.push(this.seq());
    }
    return options.length === 1 ? (options[0] as Node) : { t: "alt", options };
  }

  private seq(): Node {
    const items: Node[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== "|" && this.src[this.pos] !== ")") {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return { t: "seq", items };
  }

  private quantified(atom: Node): Node {
    const c = this.src[this.pos];
    let min: number;
    let max: number;
    if (c === "*") [min, max] = [0, Number.POSITIVE_INFINITY];
    else if (c === "+") [min, max] = [1, Number.POSITIVE_INFINITY];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) throw new Unsupported("bad count");
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Number.POSITIVE_INFINITY : Number(m[3]);
      if (min > MAX_COUNT || (max !== Number.POSITIVE_INFINITY && max > MAX_COUNT) || max < min) {
        throw new Unsupported("count too large");
      }
      this.pos += m[0].length - 1;
    } else return atom;
    this.pos++;
    if (this.src[this.pos] === "?") this.pos++; // Lazy or greedy: the same for a yes/no match.
    if (atom.t === "assert") throw new Unsupported("quantified assertion");
    return { t: "repeat", node: atom, min, max };
  }

  private atom(): Node {
    const c = this.src[this.pos] as string;
    if (c === "(") {
      this.pos++;
      if (this.src[this.pos] === "?") {
        const rest = this.src.slice(this.pos, this.pos + 3);
        if (rest.startsWith("?:")) this.pos += 2;
        else if (/^\?<[A-Za-z]/.test(rest)) {
          const close = this.src.indexOf(">", this.pos);
          if (close === -1) throw new Unsupported("bad group name");
          this.pos = close + 1;
        } else throw new Unsupported("lookaround");
      }
      const inner = this.alt();
      if (this.src[this.pos] !== ")") throw new Unsupported("missing )");
      this.pos++;
      return inner;
    }
    if (c === "[") return this.charClass();
    if (c === ".") {
      this.pos++;
      return { t: "char", test: (ch) => !/[\n\r\u2028\u2029]/.test(ch) };
    }
    if (c === "^" || c === "$") {
      this.pos++;
      return { t: "assert", kind: c };
    }
    if (c === "\\") return this.escape();
    if (c === "*" || c === "+" || c === "?" || c === "{" || c === "}" || c === "]") {
      throw new Unsupported("nothing to repeat");
    }
    const ch = String.fromCodePoint(this.src.codePointAt(this.pos) as number);
    this.pos += ch.length;
    return { t: "char", test: single(ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")) };
  }

  private charClass(): Node {
    const start = this.pos;
    let i = this.pos + 1;
    if (this.src[i] === "^") i++;
    while (i < this.src.length && this.src[i] !== "]") i += this.src[i] === "\\" ? 2 : 1;
    if (i >= this.src.length) throw new Unsupported("missing ]");
    this.pos = i + 1;
    return { t: "char", test: single(this.src.slice(start, this.pos)) };
  }

  private escape(): Node {
    const next = this.src[this.pos + 1];
    if (next === undefined) throw new Unsupported("trailing \\");
    if (next === "b" || next === "B") {
      this.pos += 2;
      return { t: "assert", kind: next };
    }
    if (/[1-9k]/.test(next)) throw new Unsupported("back-reference");
    const m =
      /^\\(?:[pP]\{[^}]*\}|u\{[0-9A-Fa-f]+\}|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|c[A-Za-z]|[\s\S])/.exec(
        this.src.slice(this.pos),
      );
    const raw = (m as RegExpExecArray)[0];
    this.pos += raw.length;
    return { t: "char", test: single(raw) };
  }
}

/** A test of one character against a native pattern (one character: no backtracking possible). */
function single(source: string): (ch: string) => boolean {
  const re = new RegExp(`^(?:${source})$`, "iu");
  return (ch) => re.test(ch);
}

function emit(node: Node, program: Instruction[]): void {
  if (program.length > MAX_PROGRAM) throw new Unsupported("pattern too large");
  switch (node.t) {
    case "char":
      program.push({ op: "char", test: node.test });
      return;
    case "assert":
      program.push({ op: "assert", kind: node.kind });
      return;
    case "seq":
      for (const item of node.items) emit(item, program);
      return;
    case "alt": {
      const jumps: { op: "jmp"; x: number }[] = [];
      node.options.forEach((option, i) => {
        if (i < node.options.length - 1) {
          const split: Instruction = { op: "split", x: program.length + 1, y: 0 };
          program.push(split);
          emit(option, program);
          const jump = { op: "jmp" as const, x: 0 };
          program.push(jump);
          jumps.push(jump);
          split.y = program.length;
        } else {
          emit(option, program);
        }
      });
      for (const jump of jumps) jump.x = program.length;
      return;
    }
    case "repeat": {
      for (let i = 0; i < node.min; i++) emit(node.node, program);
      if (node.max === Number.POSITIVE_INFINITY) {
        const split: Instruction = { op: "split", x: program.length + 1, y: 0 };
        const at = program.length;
        program.push(split);
        emit(node.node, program);
        program.push({ op: "jmp", x: at });
        split.y = program.length;
      } else {
        const splits: { op: "split"; x: number; y: number }[] = [];
        for (let i = node.min; i < node.max; i++) {
          const split = { op: "split" as const, x: program.length + 1, y: 0 };
          program.push(split);
          splits.push(split);
          emit(node.node, program);
        }
        for (const split of splits) split.y = program.length;
      }
      return;
    }
  }
}

export interface SafePattern {
  test(subject: string): boolean;
}

const cache = new Map<string, SafePattern | undefined>();

/** The compiled pattern, or `undefined` when it is too long or uses what this engine refuses. */
export function compileSafePattern(pattern: string): SafePattern | undefined {
  if (cache.has(pattern)) return cache.get(pattern);
  let compiled: SafePattern | undefined;
  if (pattern.length <= MAX_PATTERN_LENGTH) {
    try {
      const program: Instruction[] = [];
      emit(new Parser(pattern).parse(), program);
      program.push({ op: "match" });
      if (program.length > MAX_PROGRAM) throw new Unsupported("pattern too large");
      compiled = { test: (subject) => runProgram(program, subject) };
    } catch {
      compiled = undefined;
    }
  }
  if (cache.size > 500) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

const WORD = /^[A-Za-z0-9_]$/;

function isWordAt(chars: readonly string[], i: number): boolean {
  const ch = chars[i];
  return ch !== undefined && WORD.test(ch);
}

/** Pike VM: every thread advances in lock step over the text, so the work is O(text × program). */
function runProgram(program: readonly Instruction[], subject: string): boolean {
  const chars = Array.from(subject);
  const size = program.length;
  let current = new Int32Array(size);
  let currentCount = 0;
  let next = new Int32Array(size);
  let nextCount = 0;
  const mark = new Int32Array(size).fill(-1);
  const stack: number[] = [];
  let generation = 0;

  // Follows jumps, splits and assertions from `pc` at position `pos`; collects char/match states.
  const add = (list: Int32Array, count: number, start: number, pos: number): number => {
    stack.push(start);
    while (stack.length > 0) {
      const pc = stack.pop() as number;
      if (mark[pc] === generation) continue;
      mark[pc] = generation;
      const ins = program[pc] as Instruction;
      switch (ins.op) {
        case "jmp":
          stack.push(ins.x);
          break;
        case "split":
          stack.push(ins.y, ins.x);
          break;
        case "assert": {
          let ok: boolean;
          if (ins.kind === "^") ok = pos === 0;
          else if (ins.kind === "$") ok = pos === chars.length;
          else {
            const boundary = isWordAt(chars, pos - 1) !== isWordAt(chars, pos);
            ok = ins.kind === "b" ? boundary : !boundary;
          }
          if (ok) stack.push(pc + 1);
          break;
        }
        default:
          list[count++] = pc;
      }
    }
    return count;
  };

  for (let pos = 0; pos <= chars.length; pos++) {
    // An unanchored search: a new thread starts at every position.
    currentCount = add(current, currentCount, 0, pos);
    generation++;
    nextCount = 0;
    const ch = chars[pos];
    for (let i = 0; i < currentCount; i++) {
      const ins = program[current[i] as number] as Instruction;
      if (ins.op === "match") return true;
      if (ins.op === "char" && ch !== undefined && ins.test(ch)) {
        nextCount = add(next, nextCount, (current[i] as number) + 1, pos + 1);
      }
    }
    [current, next] = [next, current];
    currentCount = nextCount;
  }
  return false;
}
