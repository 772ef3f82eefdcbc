/**
 * Conversation test scripts: what a contact does, turn by turn, and what the bot should answer.
 * Written in YAML or JSON by marketers and developers; parsed here, once, into `ScriptTurn`s.
 *
 * ```yaml
 * channel: whatsapp        # optional: else every channel the flow is published to
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
  /** How every message of the last turn goes outside the window: a tag, or `standard`. */
  sendAs?: string;
  /** External ids the contact is known by (so far, in any order). */
  externalIds?: string[];
  /**
   * The channels this expectation holds on (`[messenger, instagram]`); elsewhere it is not
   * checked. For what a channel shows its own way: Messenger's email quick reply, a link button
   * that WhatsApp writes as a line of the text.
   */
  on?: string[];
}

export type ScriptTurn =
  | { say: string }
  | { tap: string }
  | { postback: string }
  | { referral: string }
  /** The brand's system posts an event for this contact (the events API). */
  | { event: { name: string; data?: Record<string, string | number | boolean> } }
  | { start: true | string }
  | { http: { status?: number; body?: unknown; ok?: boolean; error?: string } }
  | { wait: string }
  | { resume: true }
  /** A new conversation: the session is forgotten and the contact gets these fields (or the script's). */
  | { restart: true | Record<string, string> }
  | { expect: Expectation };

export interface Script {
  /** The channel the script is played on (`whatsapp`); absent: each channel of the flow. */
  channel?: string;
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
  "event",
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
  "sendAs",
  "externalIds",
  "on",
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
  if (
    root.channel !== undefined &&
    (typeof root.channel !== "string" || !/^[a-z]+$/.test(root.channel))
  )
    errors.push(
      "`channel` should be a channel's name, like `messenger`, `instagram` or `whatsapp`.",
    );
  const turns: ScriptTurn[] = [];
  root.turns.forEach((raw, i) => {
    const turn = parseTurn(raw, `turn ${i + 1}`, errors);
    if (turn) turns.push(turn);
  });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    script: {
      ...(typeof root.channel === "string" ? { channel: root.channel } : {}),
      contact: root.contact as Script["contact"],
      turns,
    },
  };
}

function parseTurn(raw: unknown, at: string, errors: string[]): ScriptTurn | undefined {
  const fail = (message: string): undefined => {
    errors.push(message);
    return undefined;
  };
  if (!isRecord(raw)) return fail(`${at}: should be an object like { say: "hi" }.`);
  const keys = Object.keys(raw);
  const key = keys[0];
  if (keys.length !== 1 || key === undefined || !TURN_KEYS.includes(key)) {
    return fail(`${at}: should have exactly one of ${TURN_KEYS.join(", ")}.`);
  }
  const value = raw[key];
  switch (key) {
    case "say":
    case "tap":
    case "postback":
    case "referral":
      if (typeof value !== "string" && typeof value !== "number")
        return fail(`${at}: \`${key}\` needs a text.`);
      return { [key]: String(value) } as ScriptTurn;
    case "event": {
      if (!isRecord(value) || typeof value.name !== "string")
        return fail(`${at}: \`event\` needs { name, data }.`);
      if (value.data !== undefined && !isRecord(value.data))
        return fail(`${at}: \`event.data\` is an object.`);
      return { event: value as Extract<ScriptTurn, { event: unknown }>["event"] };
    }
    case "start":
      if (value !== true && typeof value !== "string")
        return fail(`${at}: \`start\` is true or a step id.`);
      return { start: value };
    case "wait":
      if (typeof value !== "string" || parseDuration(value) === undefined) {
        return fail(`${at}: \`wait\` needs a duration like "2h", "30m" or "1d".`);
      }
      return { wait: value };
    case "resume":
      return { resume: true };
    case "restart":
      if (value !== true && !isValueMap(value))
        return fail(`${at}: \`restart\` is true or contact fields.`);
      return {
        restart:
          value === true ? true : (stringifyValues({ f: value }).f as Record<string, string>),
      };
    case "http": {
      if (!isRecord(value)) return fail(`${at}: \`http\` needs { status, body } or { error }.`);
      if (value.status !== undefined && typeof value.status !== "number")
        return fail(`${at}: \`http.status\` is a number.`);
      return { http: value as Extract<ScriptTurn, { http: unknown }>["http"] };
    }
    case "expect": {
      if (!isRecord(value)) return fail(`${at}: \`expect\` needs an object.`);
      const unknown = Object.keys(value).filter((k) => !EXPECT_KEYS.includes(k));
      if (unknown.length)
        return fail(
          `${at}: \`expect\` does not know ${unknown.join(", ")} (it knows ${EXPECT_KEYS.join(", ")}).`,
        );
      const e = { ...value } as Record<string, unknown>;
      if (typeof e.on === "string") e.on = [e.on];
      if (e.on !== undefined && (!isStringList(e.on) || e.on.length === 0))
        errors.push(`${at}: \`on\` is a channel or a list of channels.`);
      if (e.text !== undefined && typeof e.text !== "string" && !isStringList(e.text))
        errors.push(`${at}: \`text\` is a text or a list of texts.`);
      if (e.sendAs !== undefined && typeof e.sendAs !== "string")
        errors.push(`${at}: \`sendAs\` is a tag or "standard".`);
      for (const k of ["buttons", "quickReplies", "tags", "externalIds"]) {
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
      return { expect: stringifyValues(e) as Expectation };
    }
  }
  return undefined;
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
