/**
 * The engine contract (DESIGN.md): `step(flow, session, event, context) → { session, actions }`.
 * The events and actions are defined in `@convo/flow` (`engine-types.ts`), so a channel can use
 * them without the engine; they are re-exported here for the engine's users. Change them only
 * together with every host.
 */
import type { ChannelLimits, EngineAction, Flow } from "@convo/flow";

export type {
  AiRequest,
  Attachment,
  EngineAction,
  EngineErrorCode,
  EngineEvent,
  EngineEventType,
  HttpRequest,
  OutButton,
  OutCard,
  OutMessage,
  OutQuickReply,
  SecretPlace,
} from "@convo/flow";

// ───────────────────────── session and context ─────────────────────────

/** Where a session is waiting, and for what. */
export type Waiting =
  | { kind: "tap"; flowId: string; nodeId: string }
  | { kind: "input"; flowId: string; nodeId: string; attempts: number; timerId?: string }
  | {
      kind: "http";
      flowId: string;
      nodeId: string;
      requestId: string;
      stepIndex: number;
      /**
       * When the host's answer is overdue (ms since epoch): past it, the contact's messages are
       * treated as if the session were idle, so a lost `http_result` cannot strand them.
       */
      deadline?: number;
    }
  /** An AI step waits for its `ai_result`; past `deadline` the contact's messages go on. */
  | {
      kind: "ai";
      flowId: string;
      nodeId: string;
      requestId: string;
      deadline: number;
      /**
       * What the contact had said, so a step after this one (an AI answer after an intent)
       * asks about it too when the model's answer comes back.
       */
      question: string;
    }
  /**
   * Free text waits for the model to say which flow's intent trigger it means; `nodeId` is the
   * first intent trigger's, so the session has a place while it waits.
   */
  | {
      kind: "intent_trigger";
      flowId: string;
      nodeId: string;
      requestId: string;
      deadline: number;
      question: string;
    }
  | { kind: "delay"; flowId: string; nodeId: string; timerId: string }
  | { kind: "handover"; flowId: string; nodeId: string };

/** Plain JSON, small, versioned. Saved by the host after every step. */
export interface Session {
  v: 1;
  /** Undefined when the contact is not in a conversation (idle: triggers decide what happens). */
  waiting?: Waiting;
  /** Flow variables, per flow id. */
  variables: Record<string, Record<string, string>>;
  /** Sticky randomizer draws: `flowId/nodeId` → variant id. */
  variants: Record<string, string>;
  /** Counter used to make request and timer ids unique within the session. */
  seq: number;
}

export interface Contact {
  /** `first_name`, `last_name`, `locale`, `timezone` and custom fields set by flows. */
  fields: Record<string, string>;
  tags: string[];
}

export interface FlowRef {
  flow: Flow;
  /** Published version; 0 for a draft (the simulator). */
  version: number;
  /**
   * Paused by the marketer: its triggers start nothing (keywords, refs, payloads, events, the
   * default reply), while `goto` from a live flow and conversations already inside it go on.
   */
  paused?: boolean;
}

export interface StepContext {
  /** Milliseconds since the epoch. */
  now: number;
  /** Seeds the random draws of this step (randomizers); the same seed gives the same result. */
  seed: number;
  contact: Contact;
  /** The published version of `flow` given to `step` (0 for a draft). */
  version: number;
  /**
   * Every flow the contact may enter (the runtime's published flows; the simulator's draft and the
   * others). Used for trigger matching when an idle contact writes, for `goto`, and for taps on
   * messages another flow sent. `flow` itself need not be in it.
   */
  flows?: readonly FlowRef[];
  /** Values for `{{system.*}}`; the engine adds `system.today` and `system.now` from `now`. */
  system?: Record<string, string>;
  /**
   * The limits of the channel the contact is on: rendered titles and texts that a template made
   * longer are shortened to them with an ellipsis, so the channel does not refuse the message.
   * Without them only the engine's own guards apply.
   */
  limits?: ChannelLimits;
  /**
   * Who the contact is to the people behind the bot, for steps that tell them (Notify the team):
   * the contact's id on its channel, the channel's id, and the address that opens the
   * conversation in live chat. The simulator has none of them.
   */
  conversation?: { contactId: string; channel: string; url?: string };
}

export interface StepResult {
  session: Session;
  actions: EngineAction[];
}
