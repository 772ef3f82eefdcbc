/**
 * The parser of `matches` patterns: JavaScript's syntax, less what needs backtracking. A pattern
 * this parser refuses makes its rule false in the engine, and a lint warning in the editor.
 */

export type CharTest = (ch: string) => boolean;

export type PatternNode =
  | { t: "char"; test: CharTest }
  | { t: "assert"; kind: "^" | "$" | "b" | "B" }
  | { t: "seq"; items: PatternNode[] }
  | { t: "alt"; options: PatternNode[] }
  | { t: "repeat"; node: PatternNode; min: number; max: number };

/** Patterns longer than this are refused: the engine also bounds the text it matches against. */
export const MAX_PATTERN_LENGTH = 200;

/** Largest `{n}` or `{n,m}` count (RE2's limit too). */
export const MAX_COUNT = 1_000;

/** Why a pattern is refused, in words a marketer can act on. */
export class Unsupported extends Error {}

export class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): PatternNode {
    const node = this.alt();
    if (this.pos < this.src.length) throw new Unsupported("it has a ) without its (");
    return node;
  }

  private alt(): PatternNode {
    const options = [this.seq()];
    while (this.src[this.pos] === "|") {
      this.pos++;
      options.push(this.seq());
    }
    return options.length === 1 ? (options[0] as PatternNode) : { t: "alt", options };
  }

  private seq(): PatternNode {
    const items: PatternNode[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== "|" && this.src[this.pos] !== ")") {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return { t: "seq", items };
  }

  private quantified(atom: PatternNode): PatternNode {
    const c = this.src[this.pos];
    let min: number;
    let max: number;
    if (c === "*") [min, max] = [0, Number.POSITIVE_INFINITY];
    else if (c === "+") [min, max] = [1, Number.POSITIVE_INFINITY];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) throw new Unsupported("a { is not a count such as {2} or {1,3}");
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Number.POSITIVE_INFINITY : Number(m[3]);
      if (max < min) throw new Unsupported(`the count {${min},${max}} goes down`);
      if (min > MAX_COUNT || (max !== Number.POSITIVE_INFINITY && max > MAX_COUNT)) {
        throw new Unsupported(`a count can go up to ${MAX_COUNT}`);
      }
      this.pos += m[0].length - 1;
    } else return atom;
    this.pos++;
    if (this.src[this.pos] === "?") this.pos++; // Lazy or greedy: the same for a yes/no match.
    if (atom.t === "assert") throw new Unsupported("^, $ and \\b cannot be repeated");
    return { t: "repeat", node: atom, min, max };
  }

  private atom(): PatternNode {
    const c = this.src[this.pos] as string;
    if (c === "(") {
      this.pos++;
      if (this.src[this.pos] === "?") {
        const rest = this.src.slice(this.pos, this.pos + 3);
        if (rest.startsWith("?:")) this.pos += 2;
        else if (/^\?<[A-Za-z]/.test(rest)) {
          const close = this.src.indexOf(">", this.pos);
          if (close === -1) throw new Unsupported("a group name has no >");
          this.pos = close + 1;
        } else
          throw new Unsupported("lookahead and lookbehind, (?= (?! (?<= (?<!, are not supported");
      }
      const inner = this.alt();
      if (this.src[this.pos] !== ")") throw new Unsupported("a ( is not closed");
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
      throw new Unsupported(`${c} has nothing before it to repeat`);
    }
    const ch = String.fromCodePoint(this.src.codePointAt(this.pos) as number);
    this.pos += ch.length;
    return { t: "char", test: single(ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")) };
  }

  private charClass(): PatternNode {
    const start = this.pos;
    let i = this.pos + 1;
    if (this.src[i] === "^") i++;
    while (i < this.src.length && this.src[i] !== "]") i += this.src[i] === "\\" ? 2 : 1;
    if (i >= this.src.length) throw new Unsupported("a [ is not closed");
    this.pos = i + 1;
    return { t: "char", test: single(this.src.slice(start, this.pos)) };
  }

  private escape(): PatternNode {
    const next = this.src[this.pos + 1];
    if (next === undefined) throw new Unsupported("it ends with a \\");
    if (next === "b" || next === "B") {
      this.pos += 2;
      return { t: "assert", kind: next };
    }
    if (/[1-9k]/.test(next))
      throw new Unsupported("back-references (\\1, \\k<name>) are not supported");
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
function single(source: string): CharTest {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${source})$`, "iu");
  } catch {
    throw new Unsupported(`${source} is not valid`);
  }
  return (ch) => re.test(ch);
}
