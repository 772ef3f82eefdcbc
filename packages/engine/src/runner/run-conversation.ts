import { type ChannelLimits, eventVariables, type Flow } from "@convo/flow";
import { indexFlow } from "../flow-index";
import type { AiRequest, Contact, EngineAction, EngineEvent, OutMessage } from "../types";
import { Conversation } from "./conversation";
import { type Expectation, parseDuration, type Script, type ScriptTurn } from "./script";

export interface TurnReport {
  /** 1-based, as in the script. */
  index: number;
  /** The turn as a short line: `say "colis"`, `expect text "A12345"`. */
  label: string;
  ok: boolean;
  /** Why it failed, one line each. */
  problems: string[];
  /** What the bot sent in answer to this turn, as lines. */
  replies: string[];
}

export interface ConversationReport {
  passed: boolean;
  turns: TurnReport[];
  /** Expectations that failed; turns the runner could not play count too. */
  failures: number;
}

export interface RunConversationOptions {
  flows: readonly Flow[];
  flowId?: string;
  script: Script;
  /** Contact fields and tags; the script's `contact` adds to these. */
  contact?: Partial<Contact>;
  /** The channel played on, for expectations that name theirs (`on`); default `messenger`. */
  channel?: string;
  /** The channel's limits (see `StepContext.limits`). */
  limits?: ChannelLimits;
  /**
   * How the channel shows a message (`previewOn` of `@convo/messenger/channel`): expectations
   * check what the contact sees there, and a message the channel refuses fails its turn.
   */
  show?: (
    message: OutMessage,
  ) => { ok: true; messages: OutMessage[] } | { ok: false; message: string };
}

/** What the model answered an AI step, as the engine's `ai_result` carries it. */
export type AiAnswer = Omit<Extract<EngineEvent, { type: "ai_result" }>, "type" | "requestId">;

/** A run without a model: AI steps take their `error` path. */
const NO_MODEL: AiAnswer = {
  ok: false,
  error: "No AI model in this run (`convo test` asks the AI emulator).",
};

/**
 * Plays a script against flows and checks every expectation. Pure: no clock, no network (HTTP
 * answers come from the script; AI steps take their `error` path), the same report every time.
 *
 * @example runConversation({ flows: [orderTracking, support], script: { turns: [{ say: "colis" }] } })
 */
export function runConversation(options: RunConversationOptions): ConversationReport {
  const run = playScript(options);
  let next = run.next();
  while (!next.done) next = run.next(NO_MODEL);
  return next.value;
}

/**
 * As `runConversation`, with each question to the model answered by `ask` as it comes (the host's
 * provider or the AI emulator), before the next turn is played.
 */
export async function runConversationWithModel(
  options: RunConversationOptions,
  ask: (request: AiRequest) => Promise<AiAnswer>,
): Promise<ConversationReport> {
  const run = playScript(options);
  let next = run.next();
  while (!next.done) next = run.next(await ask(next.value));
  return next.value;
}

/** The bot's actions after a turn, with every question to the model answered (yielded). */
function* answerModel(
  c: Conversation,
  actions: EngineAction[],
): Generator<AiRequest, EngineAction[], AiAnswer> {
  const all = [...actions];
  for (let pending = c.pendingAi[0]; pending; pending = c.pendingAi[0]) {
    all.push(...c.answerAi(yield pending.request));
  }
  return all;
}

/** The script's turns, played and checked; yields each question to the model for its answer. */
function* playScript(
  options: RunConversationOptions,
): Generator<AiRequest, ConversationReport, AiAnswer> {
  const conversation = new Conversation({
    flows: options.flows,
    flowId: options.flowId,
    contact: mergeContact(options.contact, options.script.contact),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const turns: TurnReport[] = [];
  /** What the bot did since the contact's last move: what `expect` checks. */
  let lastActions: EngineAction[] = [];
  for (const [i, turn] of options.script.turns.entries()) {
    const report: TurnReport = {
      index: i + 1,
      label: describeTurn(turn),
      ok: true,
      problems: [],
      replies: [],
    };
    if ("expect" in turn) {
      const channel = options.channel ?? "messenger";
      if (turn.expect.on === undefined || turn.expect.on.includes(channel))
        report.problems = check(conversation, lastActions, turn.expect);
      else report.label += ` (not checked on ${channel})`;
    } else {
      const playedNow = play(conversation, turn);
      if (typeof playedNow === "string") report.problems.push(playedNow);
      else {
        const played = yield* answerModel(conversation, playedNow);
        const shown = options.show ? showActions(played, options.show) : { actions: played };
        lastActions = shown.actions;
        report.replies = describeActions(shown.actions);
        if (shown.refused) report.problems.push(...shown.refused);
      }
    }
    report.ok = report.problems.length === 0;
    turns.push(report);
  }
  const failures = turns.filter((t) => !t.ok).length;
  return { passed: failures === 0, turns, failures };
}

/** The bot's actions with each message as the channel shows it (one or several), and its refusals. */
function showActions(
  actions: readonly EngineAction[],
  show: NonNullable<RunConversationOptions["show"]>,
): { actions: EngineAction[]; refused?: string[] } {
  const out: EngineAction[] = [];
  const refused: string[] = [];
  for (const action of actions) {
    if (action.type !== "send") {
      out.push(action);
      continue;
    }
    const shown = show(action.message);
    if (shown.ok) for (const message of shown.messages) out.push({ ...action, message });
    else refused.push(`The channel refuses a message: ${shown.message}`);
  }
  return refused.length > 0 ? { actions: out, refused } : { actions: out };
}

function mergeContact(
  base: Partial<Contact> | undefined,
  script: Script["contact"],
): Partial<Contact> {
  const fields: Record<string, string> = { ...base?.fields };
  const tags = [...(base?.tags ?? [])];
  if (script) {
    if ("fields" in script || "tags" in script) {
      Object.assign(fields, (script as { fields?: Record<string, string> }).fields);
      tags.push(...((script as { tags?: string[] }).tags ?? []));
    } else {
      for (const [k, v] of Object.entries(script)) fields[k] = String(v);
    }
  }
  return { fields, tags };
}

/** Plays a contact's turn; a text when it cannot be played. */
function play(
  c: Conversation,
  turn: Exclude<ScriptTurn, { expect: Expectation }>,
): EngineAction[] | string {
  if ("say" in turn) return c.say(turn.say);
  if ("tap" in turn) {
    const found = c.findTappable(turn.tap);
    if (!found) {
      const offered = c.sent.flatMap((m) => titlesOf(m)).map((t) => `"${t}"`);
      return `Nothing titled "${turn.tap}" to tap (offered so far: ${offered.join(", ") || "nothing"}).`;
    }
    if (found.kind === "button" && found.button.kind !== "postback") {
      return `"${turn.tap}" is a ${found.button.kind} button: it opens something, it does not answer the bot.`;
    }
    return c.tap(found);
  }
  if ("postback" in turn) {
    c.now += 1_000;
    return c.handle({ type: "postback", payload: turn.postback });
  }
  if ("referral" in turn) {
    c.now += 1_000;
    return c.handle({ type: "referral", ref: turn.referral });
  }
  if ("event" in turn) {
    c.now += 1_000;
    return c.handle({
      type: "event",
      name: turn.event.name,
      data: eventVariables(turn.event.data),
    });
  }
  if ("start" in turn) {
    const nodeId = turn.start === true ? indexFlow(c.flow).triggers[0]?.id : turn.start;
    if (nodeId === undefined) return `The flow "${c.flow.id}" has no trigger to start at.`;
    return c.handle({ type: "start", flowId: c.flow.id, nodeId });
  }
  if ("http" in turn) {
    if (c.pendingHttp.length === 0) return "No HTTP request is waiting for an answer.";
    const { status, body, error } = turn.http;
    const ok = turn.http.ok ?? (status !== undefined && status >= 200 && status < 300);
    return c.answerHttp({
      ok,
      ...(status === undefined ? {} : { status }),
      body,
      ...(error ? { error } : {}),
    });
  }
  if ("wait" in turn) return c.advance(parseDuration(turn.wait) ?? 0);
  if ("restart" in turn) {
    c.restart(turn.restart === true ? undefined : turn.restart);
    return [];
  }
  return c.handle({ type: "resume" });
}

function check(c: Conversation, actions: readonly EngineAction[], e: Expectation): string[] {
  const problems: string[] = [];
  const messages = actions.flatMap((a) => (a.type === "send" ? [a.message] : []));
  const texts = messages.flatMap(textsOf);
  if (e.text !== undefined) {
    const wanted = typeof e.text === "string" ? [e.text] : e.text;
    let from = 0;
    for (const piece of wanted) {
      const at = texts.findIndex(
        (t, i) => i >= from && t.toLowerCase().includes(piece.toLowerCase()),
      );
      if (at === -1) {
        problems.push(`Expected the bot to say "${piece}"; it said ${quoteAll(texts)}.`);
        break;
      }
      from = at;
    }
  }
  if (e.buttons !== undefined) {
    const offered = messages.flatMap((m) =>
      m.kind === "text"
        ? (m.buttons ?? []).map((b) => b.title)
        : m.kind === "cards"
          ? m.cards.flatMap((card) => (card.buttons ?? []).map((b) => b.title))
          : [],
    );
    if (!sameList(offered, e.buttons))
      problems.push(`Expected buttons ${quoteAll(e.buttons)}; got ${quoteAll(offered)}.`);
  }
  if (e.quickReplies !== undefined) {
    const offered = messages.flatMap((m) =>
      (m.quickReplies ?? []).map((q) => (q.kind === "text" ? q.title : q.kind)),
    );
    if (!sameList(offered, e.quickReplies)) {
      problems.push(
        `Expected quick replies ${quoteAll(e.quickReplies)}; got ${quoteAll(offered)}.`,
      );
    }
  }
  for (const [name, value] of Object.entries(e.variables ?? {})) {
    const actual = c.variable(name);
    if ((actual ?? null) !== value)
      problems.push(`Expected the variable ${name} to be ${show(value)}; it is ${show(actual)}.`);
  }
  for (const [name, value] of Object.entries(e.fields ?? {})) {
    const actual = c.contact.fields[name];
    if ((actual ?? null) !== value)
      problems.push(
        `Expected the contact field ${name} to be ${show(value)}; it is ${show(actual)}.`,
      );
  }
  for (const tag of e.tags ?? []) {
    const absent = tag.startsWith("!");
    const name = absent ? tag.slice(1) : tag;
    if (c.contact.tags.includes(name) === absent) {
      problems.push(
        `Expected the contact ${absent ? "not to have" : "to have"} the tag "${name}"; tags: ${quoteAll(c.contact.tags)}.`,
      );
    }
  }
  if (e.handover !== undefined) {
    const now = c.session.waiting?.kind === "handover";
    if (now !== e.handover)
      problems.push(
        e.handover
          ? "Expected a person to have the conversation; the bot has it."
          : "Expected the bot to have the conversation; it is with a person.",
      );
  }
  if (e.ended !== undefined) {
    const ended = actions.some((a) => a.type === "end") && c.session.waiting === undefined;
    if (ended !== e.ended)
      problems.push(
        e.ended
          ? "Expected the conversation to end; it waits for more."
          : "Expected the conversation to go on; it ended.",
      );
  }
  if (e.sendAs !== undefined) {
    const tags = actions.flatMap((a) => (a.type === "send" ? [a.tag ?? "standard"] : []));
    const wrong = tags.filter((t) => t !== e.sendAs);
    if (tags.length === 0 || wrong.length > 0) {
      problems.push(`Expected every message to go as ${e.sendAs}; they go as ${quoteAll(tags)}.`);
    }
  }
  for (const id of e.externalIds ?? []) {
    if (!c.externalIds.includes(id)) {
      problems.push(
        `Expected the contact to be known as "${id}"; known as ${quoteAll(c.externalIds)}.`,
      );
    }
  }
  if (e.silent !== undefined && (messages.length === 0) !== e.silent) {
    problems.push(
      e.silent
        ? `Expected the bot to stay silent; it said ${quoteAll(texts)}.`
        : "Expected the bot to answer; it said nothing.",
    );
  }
  for (const action of actions) {
    if (action.type === "error")
      problems.push(`The bot reported an error: ${action.code}: ${action.message}`);
  }
  return problems;
}

function textsOf(m: OutMessage): string[] {
  if (m.kind === "text") return [m.text];
  if (m.kind === "media") return [m.url];
  return m.cards.flatMap((c) => [c.title, c.subtitle ?? ""]);
}

function titlesOf(m: OutMessage): string[] {
  const titles: string[] = [];
  if (m.kind === "text") titles.push(...(m.buttons ?? []).map((b) => b.title));
  if (m.kind === "cards")
    for (const card of m.cards) titles.push(...(card.buttons ?? []).map((b) => b.title));
  for (const q of m.quickReplies ?? []) if (q.kind === "text") titles.push(q.title);
  return titles;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length &&
  a.every((x, i) => x.trim().toLowerCase() === (b[i] as string).trim().toLowerCase());
const show = (v: string | null | undefined) => (v === null || v === undefined ? "unset" : `"${v}"`);
const quoteAll = (list: readonly string[]) =>
  list.length ? list.map((t) => `"${t}"`).join(", ") : "nothing";

/** One line per thing the bot did, as a person would describe it. */
export function describeActions(actions: readonly EngineAction[]): string[] {
  const lines: string[] = [];
  for (const a of actions) {
    switch (a.type) {
      case "send": {
        const m = a.message;
        const base =
          m.kind === "text"
            ? m.text
            : m.kind === "media"
              ? `[${m.mediaType}] ${m.url}`
              : `[cards] ${m.cards.map((c) => c.title).join(" | ")}`;
        const extras = titlesOf(m);
        const contactReplies = (m.quickReplies ?? [])
          .filter((q) => q.kind !== "text")
          .map((q) => `<${q.kind}>`);
        lines.push([base, ...[...extras, ...contactReplies].map((t) => `[${t}]`)].join(" "));
        break;
      }
      case "http":
        lines.push(`(HTTP ${a.request.method} ${a.request.url})`);
        break;
      case "handover":
        lines.push("(handed over to a person)");
        break;
      case "wait_until":
        lines.push(`(waits until ${new Date(a.at).toISOString()})`);
        break;
      case "error":
        lines.push(`(error ${a.code}: ${a.message})`);
        break;
      case "end":
        lines.push("(end)");
        break;
      default:
        break;
    }
  }
  return lines;
}

function describeTurn(turn: ScriptTurn): string {
  const [key, value] = Object.entries(turn)[0] as [string, unknown];
  if (key === "expect") {
    return `expect ${Object.entries(value as object)
      .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
      .join(", ")}`;
  }
  return value === true ? key : `${key} ${JSON.stringify(value)}`;
}
