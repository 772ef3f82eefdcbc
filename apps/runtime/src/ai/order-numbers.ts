/**
 * What an order number looks like, so it is replaced before the contact's text leaves for the
 * model. A brand says it with shapes, not a regular expression: a literal prefix and a count of
 * digits (`CMD-{6}`, `#{4-8}`), which the runtime turns into a pattern it knows stays linear
 * (escaped literals and bounded repeats: no user-written regex, so no catastrophic backtracking).
 */

/** What an order number becomes in text sent to the model. */
export const ORDER_MARK = "[order]";

/** One shape: `prefix` as written (case ignored), then `min` to `max` digits. */
export interface OrderNumberShape {
  prefix: string;
  min: number;
  max: number;
}

/** The shapes a runtime redacts: the built-in default, the brand's own, or none. */
export type OrderNumberRule =
  | { kind: "default" }
  | { kind: "shapes"; shapes: OrderNumberShape[] }
  | { kind: "none" };

const MAX_SHAPES = 20;
const MAX_PREFIX = 16;
const MAX_DIGITS = 20;
/** What `CONVO_AI_ORDER_NUMBERS` must be, as a configuration error says it. */
export const SHAPES_RULE = `none, or shapes like CMD-{6} or #{4-8} separated by commas (at most ${MAX_SHAPES}: a prefix of at most ${MAX_PREFIX} letters, digits or # ° / . _ -, then 1 to ${MAX_DIGITS} digits)`;
const SHAPE = /^([\p{L}\p{N}#°/._-]{0,16})\{(\d{1,2})(?:-(\d{1,2}))?\}$/u;

/** Not inside a longer word or number: `A12345` in "A12345," but not in "ABCDEF12345". */
const BEFORE = "(?<![\\p{L}\\p{N}])";
const AFTER = "(?![\\p{L}\\p{N}])";

/**
 * The default: `#` or one to four letters (an optional `-` after them), then 4 to 12 digits —
 * `#12345`, `A12345`, `CMD-2024001`. Plain numbers stay: they are as often a postcode or a price.
 */
const DEFAULT_SOURCE = `(?:#|${BEFORE}\\p{L}{1,4}-?)[0-9]{4,12}${AFTER}`;

/** A prefix as a literal; `-` needs no escape outside a class (and may not have one with `u`). */
function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** A prefix that begins with a letter or digit (or is empty) must not continue a word. */
function shapeSource(shape: OrderNumberShape): string {
  const glued = shape.prefix === "" || /^[\p{L}\p{N}]/u.test(shape.prefix);
  return `${glued ? BEFORE : ""}${escapeLiteral(shape.prefix)}[0-9]{${shape.min},${shape.max}}`;
}

/**
 * `CONVO_AI_ORDER_NUMBERS` read: empty for the default, `none` for no order numbers, else shapes
 * separated by commas, each a prefix of at most 16 letters, digits or `# ° / . _ -` then the
 * digits' count in braces, `{6}` or `{4-8}` (at most 20). `error` says what it must be.
 *
 * @example parseOrderNumberRule("CMD-{6}, #{4-8}")
 * // { ok: true, rule: { kind: "shapes", shapes: [{ prefix: "CMD-", min: 6, max: 6 }, …] } }
 */
export function parseOrderNumberRule(
  raw: string | undefined,
): { ok: true; rule: OrderNumberRule } | { ok: false; error: string } {
  const text = (raw ?? "").trim();
  if (text === "" || text.toLowerCase() === "default")
    return { ok: true, rule: { kind: "default" } };
  if (text.toLowerCase() === "none") return { ok: true, rule: { kind: "none" } };
  const parts = text.split(",").map((p) => p.trim());
  if (parts.length > MAX_SHAPES) return { ok: false, error: SHAPES_RULE };
  const shapes: OrderNumberShape[] = [];
  for (const part of parts) {
    const m = SHAPE.exec(part);
    const min = Number(m?.[2]);
    const max = m?.[3] === undefined ? min : Number(m[3]);
    if (!m || min < 1 || max < min || max > MAX_DIGITS) return { ok: false, error: SHAPES_RULE };
    shapes.push({ prefix: m[1] ?? "", min, max });
  }
  return { ok: true, rule: { kind: "shapes", shapes } };
}

/** The rule as one global pattern; `undefined` when no order number is redacted. */
export function orderNumberPattern(rule: OrderNumberRule): RegExp | undefined {
  switch (rule.kind) {
    case "none":
      return undefined;
    case "default":
      return new RegExp(DEFAULT_SOURCE, "giu");
    case "shapes": {
      return new RegExp(`(?:${rule.shapes.map(shapeSource).join("|")})${AFTER}`, "giu");
    }
    default:
      rule satisfies never;
      return undefined;
  }
}
