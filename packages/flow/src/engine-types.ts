/**
 * What the engine and its hosts say to each other (DESIGN.md, "The engine contract"): the events
 * a host hands to `step` and the actions `step` hands back. They live here, below the engine, so
 * a channel (`@convo/messenger`) can parse into events and render sends knowing only the flow
 * format; `@convo/engine` re-exports them. Change them only together with every host.
 */

// ───────────────────────── events: what happened ─────────────────────────

export interface Attachment {
  kind: "image" | "video" | "audio" | "file" | "sticker" | "location" | "fallback";
  url?: string;
  /** For locations. */
  coordinates?: { lat: number; long: number };
}

export type EngineEvent =
  /** Enter a flow: at its trigger node (matched by `matchTrigger`) or at any node (simulator, goto). */
  | { type: "start"; flowId: string; nodeId: string }
  /** The contact typed or sent something. */
  | { type: "message"; text?: string; attachments?: Attachment[] }
  /** The contact tapped a postback button; `payload` as sent by Convo (see `@convo/flow` payload). */
  | {
      type: "postback";
      payload: string;
      title?: string;
      /** The `ref` of an m.me link or ad that opened the conversation with this postback. */
      ref?: string;
    }
  /** The contact tapped a quick reply. `text` is its title as shown in the conversation. */
  | { type: "quick_reply"; payload: string; text: string }
  /** An m.me link, ad or QR code with `ref`, while a conversation is already open. */
  | { type: "referral"; ref: string; source?: string }
  /** A comment on a post (Page or Instagram): only `comment` triggers answer it. */
  | { type: "comment"; text: string; postId: string; commentId: string }
  /** The host finished an `http` action. */
  | {
      type: "http_result";
      requestId: string;
      ok: boolean;
      status?: number;
      /** The parsed JSON body (or the text when it was not JSON). */
      body?: unknown;
      error?: string;
    }
  /** The host finished an `ai` action (the brand's model answered, or did not). */
  | {
      type: "ai_result";
      requestId: string;
      /** False: no provider, a time-out, a refusal, a 429 or 500: the step's `error` path. */
      ok: boolean;
      /** The answer's text (task `answer`). */
      answer?: string;
      /** The model said it does not know (task `answer`). */
      unsure?: boolean;
      /** The intent's id the model chose, or `else` (task `intent`). */
      intent?: string;
      /** How sure the model is of `intent`, 0 to 1. */
      confidence?: number;
      error?: string;
      /** The tokens the call spent, as the provider counts them: the host's analytics, not the flow's. */
      tokens?: number;
    }
  /** A `wait_until` came due. */
  | { type: "timer"; timerId: string }
  /** A human handed the conversation back to the bot. */
  | { type: "resume" }
  /**
   * The brand's system posted an event for this contact (`POST /api/events`): the flow whose
   * `event` trigger has this name starts, with `data` under `{{event.*}}`.
   */
  | { type: "event"; name: string; data: Record<string, string> };

export type EngineEventType = EngineEvent["type"];

// ───────────────────────── actions: what the host must do ─────────────────────────

export type OutButton =
  | { kind: "postback"; title: string; payload: string }
  | { kind: "url"; title: string; url: string; webviewHeight?: "compact" | "tall" | "full" }
  | { kind: "call"; title: string; phone: string };

export type OutQuickReply =
  | { kind: "text"; title: string; payload: string; imageUrl?: string }
  /** Messenger's one-tap quick replies that send the contact's own email or phone. */
  | { kind: "email" }
  | { kind: "phone" };

export interface OutCard {
  title: string;
  subtitle?: string;
  imageUrl?: string;
  url?: string;
  buttons?: OutButton[];
}

/** One message, ready to render: every `{{…}}` substituted, every payload encoded. */
export type OutMessage =
  | { kind: "text"; text: string; buttons?: OutButton[]; quickReplies?: OutQuickReply[] }
  | {
      kind: "media";
      mediaType: "image" | "video" | "audio" | "file";
      url: string;
      quickReplies?: OutQuickReply[];
    }
  | {
      kind: "cards";
      cards: OutCard[];
      imageAspectRatio?: "horizontal" | "square";
      quickReplies?: OutQuickReply[];
    };

export interface HttpRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Rendered, except `{{secrets.NAME}}`, which the host fills in and never shows. */
  url: string;
  headers: { name: string; value: string }[];
  body?: string;
  timeoutMs: number;
  /**
   * Where the flow's author wrote `{{secrets.NAME}}`: the host fills in a secret there and nowhere
   * else. The same characters coming from a value (a contact typed them) are sent as they are.
   */
  secrets?: SecretPlace[];
}

/**
 * What an AI step asks the brand's model, as the host sends it: the contact's text is data, sent
 * apart from the instructions, which the host writes (and never shows).
 */
export type AiRequest =
  | {
      task: "answer";
      question: string;
      /** The best passages of the knowledge base for the question, best first. */
      passages: string[];
      /** The brand's tone, a short instruction. */
      tone?: string;
      /** The contact's locale (`fr_FR`): the answer is written in the contact's language. */
      locale?: string;
      /** The answer fits in this many characters (a few of the channel's messages). */
      maxChars: number;
      timeoutMs: number;
    }
  | {
      task: "intent";
      question: string;
      intents: { id: string; name: string; examples: string[] }[];
      timeoutMs: number;
    };

/** One `{{secrets.NAME}}` the author wrote, as it sits in a rendered request. */
export interface SecretPlace {
  /** The URL, the body, or a header's value (`header` is its index in `headers`). */
  field: "url" | "body" | "header";
  header?: number;
  /** Offset and length of the reference in that text, `{{` to `}}`. */
  at: number;
  length: number;
}

/** An approved template (WhatsApp) with its parameters rendered. */
export interface OutTemplate {
  name: string;
  language: string;
  parameters?: string[];
}

/** The message tags a step may send with outside the 24-hour window (its "send as"). */
export type UpdateTag = "POST_PURCHASE_UPDATE" | "CONFIRMED_EVENT_UPDATE" | "ACCOUNT_UPDATE";

export type EngineAction =
  | {
      type: "send";
      message: OutMessage;
      nodeId: string;
      flowId: string;
      /** What the message goes as where a closed window takes only a template (WhatsApp). */
      template?: OutTemplate;
      /** The step's tag: used by the host only when the window is closed at send time. */
      tag?: UpdateTag;
    }
  /** Show the typing indicator for this long before the next action. */
  | { type: "typing"; seconds: number }
  | { type: "http"; requestId: string; request: HttpRequest; nodeId: string }
  /** Ask the brand's model; answered by an `ai_result` event with the same `requestId`. */
  | { type: "ai"; requestId: string; request: AiRequest; nodeId: string }
  /** Wake the session with `{ type: "timer", timerId }` at `at` (ms since epoch). */
  | { type: "wait_until"; timerId: string; at: number }
  /**
   * Pause the bot for this contact until a `resume` event (or `resumeAt`, when set); with
   * `passTo`, also pass thread control to that app with `metadata` (JSON: reason, flow, variables).
   */
  | { type: "handover"; resumeAt?: number; passTo?: { appId: string; metadata: string } }
  | { type: "add_tag"; tag: string }
  | { type: "remove_tag"; tag: string }
  | { type: "set_field"; field: string; value: string }
  /** The brand knows this contact by `externalId` (an order, a customer number) from now on. */
  | { type: "remember"; externalId: string }
  /** The public reply under the comment that started the flow (its trigger's `publicReply`). */
  | { type: "comment_reply"; commentId: string; text: string }
  /** Analytics: a contact entered a node, or left it through a handle. The host counts these. */
  | { type: "track"; flowId: string; nodeId: string; handle?: string }
  /** The conversation reached its end; the session is idle again. */
  | { type: "end" }
  | { type: "error"; code: EngineErrorCode; message: string; nodeId?: string };

export type EngineErrorCode =
  | "step_limit"
  | "unknown_flow"
  | "unknown_node"
  | "payload_mismatch"
  | "size_limit"
  /** A bug in the engine caught at the last moment; the session is made idle. */
  | "internal";
