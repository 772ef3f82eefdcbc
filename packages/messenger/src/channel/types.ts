import type {
  ChannelLimits,
  EngineEvent,
  LintChannel,
  NodeOfType,
  OutMessage,
  OutTemplate,
} from "@convo/flow";

/**
 * The channels Convo speaks on. Adding one means its folder (see the README), its id here, and one
 * line in `CHANNEL_SPECS` and `CHANNELS`: the compiler names a record that lacks it.
 */
export type ChannelId = "messenger" | "instagram" | "whatsapp";

/** When the contact last wrote, and which tag (if any) the message may use outside the window. */
export interface SendWindow<Tag extends string = string> {
  /** When the contact last wrote (ms since the epoch); null if never. */
  lastUserMessageAt: number | null;
  now: number;
  /** A message tag to use outside the window, when the message qualifies for one. */
  tag?: Tag;
}

/**
 * A channel's rule for messages the contact did not just ask for, as data: a plain reply within
 * `responseMs` of the contact's last message; after it, only with one of `tags`, each allowed for
 * its own time (Messenger: `HUMAN_AGENT` 7 days, update tags without end; Instagram: `HUMAN_AGENT`
 * only; WhatsApp: none, an approved template instead). `windowVerdict` applies it.
 */
export interface WindowPolicy<Tag extends string = string> {
  /** Named in refusals: "outside Messenger's 24-hour window". */
  channel: string;
  responseMs: number;
  /** Tag → how long after the contact's last message it may be used (Infinity: no end). */
  tags: Readonly<Record<Tag, number>>;
  /** What a message needs outside the window, for refusals: "a message tag". */
  outsideNeeds: string;
}

/** May the message go now: as a reply (no tag), under `tag`, or not at all and why. */
export type WindowVerdict<Tag extends string = string> =
  | { ok: true; tag?: Tag }
  | { ok: false; message: string };

export interface RenderOptions {
  /** Appended to Convo's metadata mark (e.g. the outbox row), echoed back by Meta. */
  metadata?: string;
  /**
   * The approved template a message goes as outside the window, where the channel has them
   * (WhatsApp): its name, language code and the body's `{{1}}`, `{{2}}`… in order.
   */
  template?: OutTemplate;
}

export type { OutTemplate };

export type RenderResult<Body> =
  | { ok: true; body: Body }
  | { ok: false; reason: "outside_window" | "limit"; message: string };

/** What a send body shows on the contact's phone: the editor's sandbox draws it. */
export type SentItem =
  | { kind: "message"; message: OutMessage; tag?: string }
  | { kind: "typing"; on: boolean }
  | { kind: "other"; text: string };

/**
 * The browser-safe half of a channel (`@convo/messenger/channel`): what it can show, its window,
 * and how an engine message becomes its send body and back. The editor uses it for lint, forms,
 * the simulator's window and the sandbox's phone; the runtime through `Channel`.
 */
export interface ChannelSpec<
  Id extends ChannelId = ChannelId,
  Body = unknown,
  Tag extends string = string,
> extends LintChannel {
  id: Id;
  /** "Messenger": named in lint problems, refusals and the editor. */
  name: string;
  limits: ChannelLimits;
  window: WindowPolicy<Tag>;
  /** An engine message as the channel's send body, or why it cannot go (a limit, the window). */
  render(
    message: OutMessage,
    recipient: string,
    window: SendWindow<Tag>,
    options?: RenderOptions,
  ): RenderResult<Body>;
  renderTyping(recipient: string, state: "on" | "off" | "mark_seen"): Body;
  /**
   * What lint says of a message step on this channel beyond its limits: what it cannot show and
   * how it degrades ("4 buttons — sent as a list"). Paths are under the node (`data.content[0]`).
   */
  lintMessage?(node: NodeOfType<"message">): ChannelNote[];
  /** The inverse of `render`: a send body read back as the message it shows. */
  readSent(body: unknown): SentItem;
  /**
   * The calls one rendered body makes, in order, each read back by `readSent`: itself on
   * Messenger and Instagram; each Cloud API message on WhatsApp (a gallery goes card by card).
   */
  callsOf(body: Body): unknown[];
}

/** One thing lint says of a step on one channel. */
export interface ChannelNote {
  code: string;
  severity: "error" | "warning";
  /** Under the node: `data.content[0].buttons`. */
  path: string;
  message: string;
  params?: Record<string, string | number>;
}

/** Meta's GET handshake query, as a web framework hands it over. */
export interface ChallengeQuery {
  "hub.mode"?: string | undefined;
  "hub.verify_token"?: string | undefined;
  "hub.challenge"?: string | undefined;
}

export type ChallengeResult = { ok: true; challenge: string } | { ok: false };

/**
 * How a channel's webhook is read. Channels that share a route (Instagram posts to Messenger's
 * with `object: "instagram"`) share `path` and tell their bodies apart by `objects`.
 */
export interface ChannelWebhook<Event, ParseOptions> {
  /** `/webhooks/messenger`. */
  path: string;
  /** The `object` values of the bodies this channel takes on that route. */
  objects: readonly string[];
  verifyChallenge(query: ChallengeQuery, verifyToken: string): ChallengeResult;
  /** Over the raw bytes, in constant time. */
  verifySignature(
    rawBody: Uint8Array,
    header: string | undefined | null,
    appSecret: string,
  ): boolean;
  /** Never throws: a body that is not this channel's is an error; an item not understood is kept. */
  parse(
    body: unknown,
    options: ParseOptions,
  ): { ok: true; events: Event[] } | { ok: false; error: string };
  /** The engine event a parsed event asks for; undefined when the bot should not react. */
  toEngineEvent(event: Event): EngineEvent | undefined;
}

/**
 * A channel whole, for the runtime (Node only, `@convo/messenger`): its spec, its webhook, its
 * Graph API client and the emulator that plays it in tests and in sandbox mode.
 */
export interface Channel<
  Id extends ChannelId = ChannelId,
  Body = unknown,
  Tag extends string = string,
  Event = unknown,
  ParseOptions = unknown,
  ClientOptions = unknown,
  Client = unknown,
  EmulatorOptions = unknown,
  Emulator = unknown,
> extends ChannelSpec<Id, Body, Tag> {
  webhook: ChannelWebhook<Event, ParseOptions>;
  createClient(options: ClientOptions): Client;
  /** The emulator's app, to serve or to mount in-process (the runtime's sandbox). */
  createEmulator(options: EmulatorOptions): Emulator;
}
