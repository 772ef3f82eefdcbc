import {
  type Contact,
  Conversation,
  type EngineAction,
  type OutMessage,
  type Session,
  type Tappable,
  tappables,
} from "@convo/engine";
import { eventVariables, type Flow } from "@convo/flow";
import { CHANNEL_SPECS, type ChannelSpec, windowVerdict } from "@convo/messenger/channel";
import type {
  HttpOutcome,
  PerformHttp,
  SimulatorEntry,
  SimulatorOptions,
  SimulatorState,
} from "./simulator-types";

export type {
  HttpOutcome,
  PerformHttp,
  SimulatorEntry,
  SimulatorNote,
  SimulatorOptions,
  SimulatorState,
} from "./simulator-types";

interface Snapshot {
  conversation: string;
  lastContactAt: number | undefined;
  entries: number;
  nextId: number;
}

/** Where a turn's actions leave the conversation; delays are fast-forwarded at once. */
const MAX_AUTO_STEPS = 50;

/**
 * The editor's simulator without React: a `Conversation` (the same `step` the runtime calls) plus
 * what a tester needs around it: a transcript, one-turn undo, restart, start from any step,
 * fast-forwarded delays and time-outs, and HTTP steps carried out by the runtime.
 *
 * @example
 * const sim = new Simulator({ flows: [draft], flowId: draft.id, performHttp });
 * await sim.say("hello");
 * sim.getState().entries; // what the bot answered
 */
export class Simulator {
  private current: Conversation;
  /** A newer draft not yet taken: applied when the conversation is next used (see setFlows). */
  private pendingFlows: readonly Flow[] | null = null;
  private entries: SimulatorEntry[] = [];
  private history: Snapshot[] = [];
  private nextId = 1;
  private busy = false;
  private state: SimulatorState;
  private readonly listeners = new Set<() => void>();
  private readonly performHttp: PerformHttp;
  private readonly contact: Partial<Contact> | undefined;
  private flowId: string;
  /** When the contact last wrote or tapped (the simulator's clock). */
  private lastContactAt: number | undefined;
  /** The channel played: its limits fit the texts, its window marks late messages. */
  readonly channel: ChannelSpec;

  constructor(options: SimulatorOptions) {
    this.channel = CHANNEL_SPECS[options.channel ?? "messenger"];
    this.performHttp = options.performHttp;
    this.contact = options.contact;
    this.flowId = options.flowId;
    this.current = new Conversation({
      flows: options.flows,
      flowId: options.flowId,
      contact: options.contact,
      limits: this.channel.limits,
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    this.state = this.snapshotState();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SimulatorState => this.state;

  /**
   * Takes a newer draft without losing the conversation: the session goes on against the new
   * flow, as a contact's does when a flow is published again. The draft is only kept here and
   * taken when the conversation is next used, so a drag (a new draft each frame) costs nothing.
   * What the panel shows does not depend on the draft, so nothing is published.
   */
  setFlows(flows: readonly Flow[]): void {
    this.pendingFlows = flows;
  }

  private get conversation(): Conversation {
    const flows = this.pendingFlows;
    if (flows === null) return this.current;
    this.pendingFlows = null;
    const old = this.current;
    const next = new Conversation({
      flows,
      flowId: this.flowId,
      contact: this.contact,
      limits: this.channel.limits,
    });
    next.session = old.session;
    next.contact = old.contact;
    next.now = old.now;
    next.pendingHttp = old.pendingHttp;
    next.timers = old.timers;
    next.handoverResumeAt = old.handoverResumeAt;
    next.sent.push(...old.sent);
    this.current = next;
    return next;
  }

  /** A contact who never talked to the bot (with other contact fields, if given). */
  restart(fields?: Record<string, string>): void {
    this.conversation.restart(fields);
    this.lastContactAt = undefined;
    this.entries = [];
    this.history = [];
    this.publish();
  }

  /** A fresh conversation that begins at `nodeId` of the draft, as if a `goto` led there. */
  async startAt(nodeId: string): Promise<void> {
    this.restart();
    await this.turn(() => this.conversation.handle({ type: "start", flowId: this.flowId, nodeId }));
  }

  async say(text: string): Promise<void> {
    const trimmed = text.trim();
    if (trimmed === "") return;
    await this.turn(() => {
      this.add({ from: "contact", text: trimmed });
      this.lastContactAt = this.conversation.now + 1_000;
      return this.conversation.say(trimmed);
    });
  }

  async tap(tappable: Tappable): Promise<void> {
    if (tappable.kind === "button" && tappable.button.kind !== "postback") return;
    await this.turn(() => {
      const text = tappable.kind === "button" ? tappable.button.title : tappable.reply.title;
      this.add({ from: "contact", text });
      this.lastContactAt = this.conversation.now + 1_000;
      return this.conversation.tap(tappable);
    });
  }

  /** A postback that no button on screen sends: Get Started, a persistent menu entry. */
  async postback(payload: string, title = payload): Promise<void> {
    await this.turn(() => {
      this.add({ from: "contact", text: title });
      this.conversation.now += 1_000;
      this.lastContactAt = this.conversation.now;
      return this.conversation.handle({ type: "postback", payload, title });
    });
  }

  /** The contact arrives through an m.me link or an ad with this `ref`. */
  async referral(ref: string): Promise<void> {
    await this.turn(() => {
      this.conversation.now += 1_000;
      this.lastContactAt = this.conversation.now;
      return this.conversation.handle({ type: "referral", ref });
    });
  }

  /** The brand posts an event (as `POST /api/events`): not the contact's move, the window stays. */
  async event(name: string, data: Record<string, string | number | boolean> = {}): Promise<void> {
    await this.turn(() => {
      this.add({ from: "system", note: { kind: "event", name } });
      this.conversation.now += 1_000;
      return this.conversation.handle({ type: "event", name, data: eventVariables(data) });
    });
  }

  /** Lets `ms` pass: time-outs and a handover's return that fall due happen. */
  async wait(ms: number): Promise<void> {
    await this.turn(() => {
      this.add({ from: "system", note: { kind: "skipped", ms } });
      return this.conversation.advance(ms);
    });
  }

  /** Hands the conversation back to the bot after a handover. */
  async resume(): Promise<void> {
    await this.turn(() => {
      this.add({ from: "system", note: { kind: "resumed" } });
      return this.conversation.handle({ type: "resume" });
    });
  }

  /** Moves the clock to the next time-out or handover return and lets it happen. */
  async skipWait(): Promise<void> {
    const next = this.nextDue();
    if (next === undefined) return;
    await this.turn(() => {
      const ms = Math.max(0, next.at - this.conversation.now);
      this.add({ from: "system", note: { kind: "skipped", ms } });
      return this.conversation.advance(ms);
    });
  }

  /** Undoes the contact's last turn and everything the bot did in answer to it. */
  stepBack(): void {
    const snapshot = this.history.pop();
    if (!snapshot || this.busy) return;
    const saved = JSON.parse(snapshot.conversation) as ConversationState;
    const c = this.conversation;
    c.session = saved.session;
    c.contact = saved.contact;
    c.now = saved.now;
    c.pendingHttp = saved.pendingHttp;
    c.timers = saved.timers;
    c.handoverResumeAt = saved.handoverResumeAt ?? undefined;
    c.sent.length = 0;
    c.sent.push(...saved.sent);
    this.lastContactAt = snapshot.lastContactAt;
    this.entries = this.entries.slice(0, snapshot.entries);
    this.nextId = snapshot.nextId;
    this.publish();
  }

  /** Plays one move of the tester, then whatever follows without them: delays and HTTP steps. */
  private async turn(move: () => EngineAction[]): Promise<void> {
    if (this.busy) return;
    this.history.push(this.snapshot());
    this.record(move());
    this.runDelays();
    this.publish();
    while (this.conversation.pendingHttp.length > 0) {
      const pending = this.conversation.pendingHttp[0];
      if (!pending) break;
      this.busy = true;
      this.publish();
      let outcome: HttpOutcome;
      try {
        outcome = await this.performHttp(pending.request);
      } catch (error) {
        outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      this.busy = false;
      this.add({
        from: "system",
        note: {
          kind: "http",
          method: pending.request.method,
          url: pending.request.url,
          ok: outcome.ok,
          ...(outcome.status === undefined ? {} : { status: outcome.status }),
          ...(outcome.error === undefined ? {} : { error: outcome.error }),
        },
      });
      this.record(this.conversation.answerHttp(outcome));
      this.runDelays();
      this.publish();
    }
  }

  /** A delay step waits for its timer only: in the simulator it passes at once. */
  private runDelays(): void {
    for (let i = 0; i < MAX_AUTO_STEPS; i++) {
      const waiting = this.conversation.session.waiting;
      if (waiting?.kind !== "delay") return;
      const timer = this.conversation.timers.find((t) => t.timerId === waiting.timerId);
      if (!timer) return;
      this.record(this.conversation.advance(Math.max(0, timer.at - this.conversation.now)));
    }
  }

  private record(actions: readonly EngineAction[]): void {
    for (const action of actions) {
      switch (action.type) {
        case "send": {
          const since = this.lastContactAt;
          // Outside the window a step goes only with a tag the channel takes for that long
          // (Messenger's update tags; Instagram takes HUMAN_AGENT only).
          const outside =
            since !== undefined &&
            !windowVerdict(this.channel.window, {
              lastUserMessageAt: since,
              now: this.conversation.now,
              ...(action.tag === undefined ? {} : { tag: action.tag }),
            }).ok;
          this.add({
            from: "bot",
            message: action.message,
            nodeId: action.nodeId,
            flowId: action.flowId,
            ...(outside ? { outsideWindow: true as const } : {}),
          });
          break;
        }
        case "typing":
          this.add({ from: "typing", seconds: action.seconds });
          break;
        case "handover":
          this.add({ from: "system", note: { kind: "handover" } });
          break;
        case "end":
          this.add({ from: "system", note: { kind: "end" } });
          break;
        case "error":
          this.add({
            from: "system",
            note: { kind: "error", code: action.code, message: action.message },
          });
          break;
        default:
          break;
      }
    }
  }

  private add(entry: DistributiveOmit<SimulatorEntry, "id">): void {
    this.entries.push({ ...entry, id: this.nextId++ } as SimulatorEntry);
  }

  private snapshot(): Snapshot {
    const c = this.conversation;
    const state: ConversationState = {
      session: c.session,
      contact: c.contact,
      now: c.now,
      pendingHttp: c.pendingHttp,
      timers: c.timers,
      handoverResumeAt: c.handoverResumeAt ?? null,
      sent: c.sent,
    };
    return {
      conversation: JSON.stringify(state),
      lastContactAt: this.lastContactAt,
      entries: this.entries.length,
      nextId: this.nextId,
    };
  }

  private nextDue(): { at: number; kind: "timeout" | "resume" } | undefined {
    const c = this.conversation;
    const timer = [...c.timers].sort((a, b) => a.at - b.at)[0];
    const resumeAt = c.handoverResumeAt;
    if (resumeAt !== undefined && (timer === undefined || resumeAt <= timer.at)) {
      return { at: resumeAt, kind: "resume" };
    }
    return timer ? { at: timer.at, kind: "timeout" } : undefined;
  }

  private publish(): void {
    this.state = this.snapshotState();
    for (const listener of this.listeners) listener();
  }

  private snapshotState(): SimulatorState {
    const c = this.conversation;
    const waiting = c.session.waiting;
    const lastBot = this.entries.findLast((e) => e.from === "bot");
    const active = waiting
      ? { flowId: waiting.flowId, nodeId: waiting.nodeId }
      : lastBot?.from === "bot"
        ? { flowId: lastBot.flowId, nodeId: lastBot.nodeId }
        : undefined;
    const due = this.nextDue();
    return {
      entries: [...this.entries],
      variables: structuredClone(c.session.variables),
      fields: { ...c.contact.fields },
      tags: [...c.contact.tags],
      active,
      waiting: waiting?.kind,
      offered: offeredNow(this.entries),
      nextWait: due ? { inMs: Math.max(0, due.at - c.now), kind: due.kind } : undefined,
      canStepBack: this.history.length > 0,
      busy: this.busy,
    };
  }
}

interface ConversationState {
  session: Session;
  contact: Contact;
  now: number;
  pendingHttp: Conversation["pendingHttp"];
  timers: Conversation["timers"];
  handoverResumeAt: number | null;
  sent: OutMessage[];
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * As in Messenger: buttons stay tappable in every message; quick replies only under the last
 * message, and only until the contact answers.
 */
export function offeredNow(entries: readonly SimulatorEntry[]): Tappable[] {
  const found: Tappable[] = [];
  let lastBot: SimulatorEntry | undefined;
  for (const entry of entries) {
    if (entry.from === "contact") lastBot = undefined;
    if (entry.from !== "bot") continue;
    lastBot = entry;
    for (const t of tappables(entry.message)) if (t.kind === "button") found.push(t);
  }
  if (lastBot?.from === "bot") {
    for (const t of tappables(lastBot.message)) if (t.kind === "quick_reply") found.push(t);
  }
  return found;
}
