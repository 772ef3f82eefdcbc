/**
 * Conversation test scripts: what a contact does, turn by turn, and what the bot should answer.
 * Written in YAML or JSON by marketers and developers; parsed here, once, into `ScriptTurn`s.
 *
 * ```yaml
 * contact: { first_name: Zoé, locale: fr_FR }
 * turns:
 *   - say: colis
 *   - expect: { text: "numéro de commande" }
 *   - say: A12345
 *   - http: { status: 200, body: { status: shipped } }
 *   - expect: { text: [A12345, "on its way"], variables: { order_status: shipped } }
 * ```
 */

export interface Expectation {
  /** Each text must appear, in order, in the bot's replies to the last turn. */
  text?: string | string[];
  /** The titles of the buttons offered in the last turn, in order. */
  buttons?: string[];
  /** The titles of the quick replies offered in the last turn (`email`/`phone` for Messenger's own). */
  quickReplies?: string[];
  /** Flow variables: `name` (any flow, the current one first) or `flow-id.name`; `null` for unset. */
  variables?: Record<string, string | null>;
  /** Contact fields; `null` for unset. */
  fields?: Record<string, string | null>;
  /** Tags the contact must have; `!tag` for a tag it must not have. */
  tags?: string[];
  /** Whether a person has the conversation now. */
  handover?: boolean;
  /** Whether the conversation ended in the last turn (the session is idle). */
  ended?: boolean;
  /** The bot sent nothing in answer to the last turn. */
  silent?: boolean;
}

export type ScriptTurn =
  | { say: string }
  | { tap: string }
  | { postback: string }
  | { referral: string }
  | { start: true | string }
  | { http: { status?: number; body?: unknown; ok?: boolean; error?: string } }
  | { wait: string }
  | { resume: true }
  /** A new conversation: the session is forgotten and the contact gets these fields (or the script's). */
  | { restart: true | Record<string, string> }
  | { expect: Expectation };

export interface Script {
  contact?: { fields?: Record<string, string>; tags?: string[] } | Record<string, string>;
  turns: ScriptTurn[];
}

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "2h", "30m", "1h30m", "45s", "1d" → milliseconds; `undefined` when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (!/^(\d+(\.\d+)?\s*(ms|s|m|h|d)\s*)+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const m of trimmed.matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)/g)) {
    total += Number(m[1]) * (UNITS[m[2] as string] as number);
  }
  return total;
}

const TURN_KEYS = [
  "say",
  "tap",
  "postback",
  "referral",
  "start",
  "http",
  "wait",
  "resume",
  "restart",
  "expect",
];
const EXPECT_KEYS = [
  "text",
  "buttons",
  "quickReplies",
  "variables",
  "fields",
  "tags",
  "handover",
  "ended",
  "silent",
];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === "string");
const isValueMap = (v: unknown): v is Record<string, string | null> =>
  isRecord(v) &&
  Object.values(v).every(
    (x) => x === null || typeof x === "string" || typeof x === "number" || typeof x === "boolean",
  );

export type ScriptParse = { ok: true; script: Script } | { ok: false; errors: string[] };

/** Checks a parsed YAML/JSON document: a list of turns, or `{ contact, turns }`. */
export function parseScript(document: unknown): ScriptParse {
  const errors: string[] = [];
  const root = Array.isArray(document) ? { turns: document } : document;
  if (!isRecord(root) || !Array.isArray(root.turns)) {
    return {
      ok: false,
      errors: ["A script is a list of turns, or an object with `turns:` (and `contact:`)."],
    };
  }
  if (root.contact !== undefined && !isRecord(root.contact))
    errors.push("`contact` should be an object.");
  const turns: ScriptTurn[] = [];
  root.turns.forEach((raw, i) => {
    const at = `turn ${i + 1}`;
    if (!isRecord(raw)) {
      errors.push(`${at}: should be an object like { say: "hi" }.`);
      return;
    }
    const keys = Object.keys(raw);
    const key = keys[0];
    if (keys.length !== 1 || key === undefined || !TURN_KEYS.includes(key)) {
      errors.push(`${at}: should have exactly one of ${TURN_KEYS.join(", ")}.`);
      return;
    }
    const value = raw[key];
    switch (key) {
      case "say":
      case "tap":
      case "postback":
      case "referral":
        if (typeof value !== "string" && typeof value !== "number") {
          errors.push(`${at}: \`${key}\` needs a text.`);
          return;
        }
        turns.push({ [key]: String(value) } as ScriptTurn);
        return;
      case "start":
        if (value !== true && typeof value !== "string") {
          errors.push(`${at}: \`start\` is true or a step id.`);
          return;
        }
        turns.push({ start: value });
        return;
      case "wait":
        if (typeof value !== "string" || parseDuration(value) === undefined) {
          errors.push(`${at}: \`wait\` needs a duration like "2h", "30m" or "1d".`);
          return;
        }
        turns.push({ wait: value });
        return;
      case "resume":
        turns.push({ resume: true });
        return;
      case "restart":
        if (value !== true && !isValueMap(value)) {
          errors.push(`${at}: \`restart\` is true or contact fields.`);
          return;
        }
        turns.push({
          restart:
            value === true ? true : (stringifyValues({ f: value }).f as Record<string, string>),
        });
        return;
      case "http": {
        if (!isRecord(value)) {
          errors.push(`${at}: \`http\` needs { status, body } or { error }.`);
          return;
        }
        if (value.status !== undefined && typeof value.status !== "number") {
          errors.push(`${at}: \`http.status\` is a number.`);
          return;
        }
        turns.push({ http: value as Extract<ScriptTurn, { http: unknown }>["http"] });
        return;
      }
      case "expect": {
        if (!isRecord(value)) {
          errors.push(`${at}: \`expect\` needs an object.`);
          return;
        }
        const unknown = Object.keys(value).filter((k) => !EXPECT_KEYS.includes(k));
        if (unknown.length) {
          errors.push(
            `${at}: \`expect\` does not know ${unknown.join(", ")} (it knows ${EXPECT_KEYS.join(", ")}).`,
          );
          return;
        }
        const e = value as Record<string, unknown>;
        if (e.text !== undefined && typeof e.text !== "string" && !isStringList(e.text))
          errors.push(`${at}: \`text\` is a text or a list of texts.`);
        for (const k of ["buttons", "quickReplies", "tags"]) {
          if (e[k] !== undefined && !isStringList(e[k]))
            errors.push(`${at}: \`${k}\` is a list of texts.`);
        }
        for (const k of ["variables", "fields"]) {
          if (e[k] !== undefined && !isValueMap(e[k]))
            errors.push(`${at}: \`${k}\` maps names to values.`);
        }
        for (const k of ["handover", "ended", "silent"]) {
          if (e[k] !== undefined && typeof e[k] !== "boolean")
            errors.push(`${at}: \`${k}\` is true or false.`);
        }
        turns.push({ expect: stringifyValues(e) as Expectation });
        return;
      }
    }
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, script: { contact: root.contact as Script["contact"], turns } };
}

/** YAML reads `42` as a number; expectations compare texts. */
function stringifyValues(e: Record<string, unknown>): Record<string, unknown> {
  const out = { ...e };
  for (const k of ["variables", "fields", "f"]) {
    const map = e[k];
    if (isRecord(map)) {
      out[k] = Object.fromEntries(
        Object.entries(map).map(([n, v]) => [n, v === null ? null : String(v)]),
      );
    }
  }
  return out;
}
