import type { ChannelLimits, Flow } from "@convo/flow";
import { foldActions } from "../contact-changes";
import { initialSession } from "../session";
import { step } from "../step";
import type {
  AiRequest,
  Contact,
  EngineAction,
  EngineEvent,
  FlowRef,
  HttpRequest,
  OutButton,
  OutMessage,
  OutQuickReply,
  Session,
} from "../types";

/** Something the contact can tap in a message the bot sent. */
export type Tappable =
  | { kind: "button"; button: OutButton }
  | { kind: "quick_reply"; reply: Extract<OutQuickReply, { kind: "text" }> };

export interface ConversationOptions {
  flows: readonly Flow[];
  /** The flow handed to `step` (and first in trigger matching); the first flow when absent. */
  flowId?: string;
  contact?: Partial<Contact>;
  /** Clock at the start (ms since epoch); a fixed date by default, so runs repeat exactly. */
  now?: number;
  /** The channel's limits, as the runtime gives them to `step` (see `StepContext.limits`). */
  limits?: ChannelLimits;
}

const START = Date.UTC(2025, 5, 2, 9);

/**
 * A contact talking to flows without any host: it keeps the contact's tags, fields, timers and
 * hand-over from the actions exactly as the runtime does (both through `foldActions`), remembers
 * the requests, and sends nothing anywhere.
 * The test runner and `convo chat` drive it; HTTP requests are answered by whoever drives it.
 */
export class Conversation {
  readonly flows: FlowRef[];
  readonly flow: Flow;
  session: Session = initialSession();
  contact: Contact;
  now: number;
  /** Requests the bot is waiting for, oldest first. */
  pendingHttp: { requestId: string; request: HttpRequest }[] = [];
  /** Questions to the brand's model the bot is waiting for, oldest first. */
  pendingAi: { requestId: string; request: AiRequest }[] = [];
  timers: { timerId: string; at: number }[] = [];
  /** Every message the bot sent, oldest first. */
  readonly sent: OutMessage[] = [];
  handoverResumeAt: number | undefined;
  /** External ids the brand knows the contact by (`remember` actions), oldest first. */
  externalIds: string[] = [];
  private seed = 1;
  private readonly initialContact: Contact;
  private readonly limits: ChannelLimits | undefined;

  constructor(options: ConversationOptions) {
    const first = options.flows.find((f) => f.id === options.flowId) ?? options.flows[0];
    if (!first) throw new Error("A conversation needs at least one flow.");
    this.flow = first;
    this.flows = options.flows.map((flow) => ({ flow, version: 0 }));
    this.initialContact = {
      fields: { ...options.contact?.fields },
      tags: [...(options.contact?.tags ?? [])],
    };
    this.contact = copyContact(this.initialContact);
    this.now = options.now ?? START;
    this.limits = options.limits;
  }

  /** Forgets everything: a contact who never talked to the bot (with other fields, if given). */
  restart(fields?: Record<string, string>): void {
    this.session = initialSession();
    this.contact = copyContact(this.initialContact);
    if (fields) this.contact.fields = { ...fields };
    this.pendingHttp = [];
    this.pendingAi = [];
    this.timers = [];
    this.handoverResumeAt = undefined;
    this.externalIds = [];
    this.sent.length = 0;
  }

  /** Runs one event and applies its actions; returns them. */
  handle(event: EngineEvent): EngineAction[] {
    const { session, actions } = step(this.flow, this.session, event, {
      now: this.now,
      seed: this.seed++,
      contact: this.contact,
      version: 0,
      flows: this.flows,
      ...(this.limits ? { limits: this.limits } : {}),
    });
    this.session = session;
    const changes = foldActions(this.contact, actions);
    this.contact = changes.contact;
    this.timers.push(...changes.timers);
    for (const id of changes.externalIds) {
      if (!this.externalIds.includes(id)) this.externalIds.push(id);
    }
    if (changes.handover) this.handoverResumeAt = changes.handover.resumeAt;
    for (const action of actions) {
      if (action.type === "send") this.sent.push(action.message);
      if (action.type === "http") {
        this.pendingHttp.push({ requestId: action.requestId, request: action.request });
      }
      if (action.type === "ai") {
        this.pendingAi.push({ requestId: action.requestId, request: action.request });
      }
    }
    if (session.waiting?.kind !== "handover") this.handoverResumeAt = undefined;
    return actions;
  }

  say(text: string): EngineAction[] {
    this.now += 1_000;
    return this.handle({ type: "message", text });
  }

  /** The most recent tappable thing with this title (case-insensitive), in any message sent. */
  findTappable(title: string): Tappable | undefined {
    const wanted = title.trim().toLowerCase();
    for (let i = this.sent.length - 1; i >= 0; i--) {
      const found = tappables(this.sent[i] as OutMessage).find(
        (t) => tappableTitle(t).trim().toLowerCase() === wanted,
      );
      if (found) return found;
    }
    return undefined;
  }

  tap(tappable: Tappable): EngineAction[] {
    this.now += 1_000;
    if (tappable.kind === "quick_reply") {
      return this.handle({
        type: "quick_reply",
        payload: tappable.reply.payload,
        text: tappable.reply.title,
      });
    }
    const { button } = tappable;
    if (button.kind !== "postback") return [];
    return this.handle({ type: "postback", payload: button.payload, title: button.title });
  }

  /** Answers the oldest pending request. */
  answerHttp(result: {
    ok: boolean;
    status?: number;
    body?: unknown;
    error?: string;
  }): EngineAction[] {
    const pending = this.pendingHttp.shift();
    if (!pending) return [];
    this.now += 100;
    return this.handle({ type: "http_result", requestId: pending.requestId, ...result });
  }

  /** Answers the oldest question to the model (what the host's provider or emulator said). */
  answerAi(result: Omit<Extract<EngineEvent, { type: "ai_result" }>, "type" | "requestId">) {
    const pending = this.pendingAi.shift();
    if (!pending) return [];
    this.now += 100;
    return this.handle({ type: "ai_result", requestId: pending.requestId, ...result });
  }

  /** Moves the clock on, firing timers (and a handover's automatic resume) as they come due. */
  advance(ms: number): EngineAction[] {
    const until = this.now + ms;
    const actions: EngineAction[] = [];
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const timer = this.timers[0];
      const resumeAt = this.handoverResumeAt;
      const nextAt = Math.min(
        timer?.at ?? Number.POSITIVE_INFINITY,
        resumeAt ?? Number.POSITIVE_INFINITY,
      );
      if (nextAt > until) break;
      this.now = Math.max(this.now, nextAt);
      if (resumeAt !== undefined && resumeAt === nextAt) {
        this.handoverResumeAt = undefined;
        actions.push(...this.handle({ type: "resume" }));
      } else if (timer) {
        this.timers.shift();
        actions.push(...this.handle({ type: "timer", timerId: timer.timerId }));
      }
    }
    this.now = until;
    return actions;
  }

  /** Fires every timer now, however far away: `/wait` in `convo chat`. */
  fastForward(): EngineAction[] {
    const last = Math.max(...this.timers.map((t) => t.at), this.handoverResumeAt ?? 0, this.now);
    return this.advance(last - this.now);
  }

  /** Variables by name across flows, the flow the session is in first. */
  variable(name: string): string | undefined {
    const dot = name.indexOf(".");
    if (dot > 0) return this.session.variables[name.slice(0, dot)]?.[name.slice(dot + 1)];
    const current = this.session.waiting?.flowId;
    if (current !== undefined) {
      const value = this.session.variables[current]?.[name];
      if (value !== undefined) return value;
    }
    for (const vars of Object.values(this.session.variables)) {
      if (vars[name] !== undefined) return vars[name];
    }
    return undefined;
  }
}

export function tappables(message: OutMessage): Tappable[] {
  const found: Tappable[] = [];
  if (message.kind === "text")
    for (const button of message.buttons ?? []) found.push({ kind: "button", button });
  if (message.kind === "cards") {
    for (const card of message.cards)
      for (const button of card.buttons ?? []) found.push({ kind: "button", button });
  }
  for (const reply of message.quickReplies ?? []) {
    if (reply.kind === "text") found.push({ kind: "quick_reply", reply });
  }
  return found;
}

export function tappableTitle(t: Tappable): string {
  return t.kind === "button" ? t.button.title : t.reply.title;
}

function copyContact(contact: Contact): Contact {
  return { fields: { ...contact.fields }, tags: [...contact.tags] };
}
