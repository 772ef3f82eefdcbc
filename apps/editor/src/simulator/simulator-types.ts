import type { Contact, HttpRequest, OutMessage, Session, Tappable } from "@convo/engine";
import type { Flow } from "@convo/flow";
import type { ChannelId } from "@convo/messenger/channel";

/** What the runtime answers for an HTTP step (POST /api/simulator/http). */
export interface HttpOutcome {
  ok: boolean;
  status?: number;
  body?: unknown;
  error?: string;
}

export type PerformHttp = (request: HttpRequest) => Promise<HttpOutcome>;

/** Something the bot did that a tester sees between the bubbles. */
export type SimulatorNote =
  | { kind: "handover" }
  | { kind: "resumed" }
  /** A test event the brand's system would post (the event trigger's sample payload). */
  | { kind: "event"; name: string }
  | { kind: "end" }
  | { kind: "skipped"; ms: number }
  | { kind: "http"; method: string; url: string; ok: boolean; status?: number; error?: string }
  | { kind: "error"; code: string; message: string };

/** One line of the simulated conversation. */
export type SimulatorEntry =
  | { id: number; from: "contact"; text: string }
  | {
      id: number;
      from: "bot";
      message: OutMessage;
      nodeId: string;
      flowId: string;
      /**
       * Sent more than 24 hours after the contact last wrote: Messenger refuses a bot message
       * without a tag there, so the runtime holds it back (parks it) and the contact never sees it.
       */
      outsideWindow?: true;
    }
  | { id: number; from: "typing"; seconds: number }
  | { id: number; from: "system"; note: SimulatorNote };

export interface SimulatorState {
  entries: readonly SimulatorEntry[];
  /** Flow variables, per flow id. */
  variables: Session["variables"];
  fields: Record<string, string>;
  tags: readonly string[];
  /** The step the conversation is at (waiting there, or the last one that spoke). */
  active: { flowId: string; nodeId: string } | undefined;
  waiting: NonNullable<Session["waiting"]>["kind"] | undefined;
  /** What the contact can tap now: the buttons of every message, the last message's quick replies. */
  offered: readonly Tappable[];
  /** The next thing the clock would bring (an input time-out, a handover's return), if any. */
  nextWait: { inMs: number; kind: "timeout" | "resume" } | undefined;
  canStepBack: boolean;
  /** An HTTP step is being carried out by the runtime. */
  busy: boolean;
}

export interface SimulatorOptions {
  /** The draft under test first; other flows for `goto` and their triggers. */
  flows: readonly Flow[];
  flowId: string;
  contact?: Partial<Contact>;
  performHttp: PerformHttp;
  /** Clock at the start (ms since epoch). */
  now?: number;
  /** The channel played: its limits fit the texts, its window marks late messages (Messenger). */
  channel?: ChannelId;
}
