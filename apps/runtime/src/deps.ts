import type { FlowRef } from "@convo/engine";
import type { MessengerChannel } from "@convo/messenger";
import type { AiProvider } from "./ai/provider";
import type { AiProviderSettings } from "./ai-settings";
import type { RuntimeConfig } from "./config";
import type { ConversationFeed } from "./conversation-feed";
import type { ContactChannel } from "./graph-api/contact-address";
import type { GraphGateway } from "./graph-api/gateway";
import type { PageIdentity } from "./graph-api/page-identity";
import type { SandboxCall } from "./graph-api/sandbox-calls";
import type { Logger } from "./log";
import type { EchoSubscriptionState } from "./ops/echo-subscription";
import type { Metrics } from "./ops/metrics";
import type { Sealer } from "./secrets/key";
import type { SecretVault } from "./secrets/vault";
import type { Store } from "./store/store";

/** What every route and worker shares. Built once by `createRuntime`. */
export interface Deps {
  store: Store;
  config: RuntimeConfig;
  log: Logger;
  metrics: Metrics;
  now: () => number;
  /** Seals what the database keeps secret (events-out signing secrets, the editor's secrets). */
  sealer: Sealer;
  /** `{{secrets.NAME}}` values: set in the editor (sealed) or `CONVO_SECRET_<NAME>`. */
  secrets: SecretVault;
  /** The admin token, resolved at start (environment or database). */
  adminToken: string;
  /** The Messenger app secret in use (configured, or generated for the sandbox). */
  appSecret: string;
  verifyToken: string;
  /**
   * WhatsApp's webhook settings, when it runs (a phone number id, or sandbox mode); the secret and
   * verify token default to Messenger's.
   */
  whatsapp?: { phoneNumberId: string; appSecret: string; verifyToken: string };
  /** The channel record the webhook reads with and the outbox renders with. */
  channel: MessengerChannel;
  /** This runtime's Page and app (configured, or read from the Graph API at start). */
  identity: PageIdentity;
  graph: GraphGateway;
  /** The brand's model for AI steps: its provider, the sandbox's emulator, or none. */
  ai: AiProvider;
  /** The AI provider the owner sets in the editor (write-only key). */
  aiSettings: AiProviderSettings;
  /** True when no Page token is configured: sends go to the in-process Graph API emulator. */
  sandbox: boolean;
  /** Whether the Page sends Convo its message echoes, as last checked. */
  echoSubscription: { readonly state: EchoSubscriptionState };
  /**
   * Sandbox only: what was sent to a channel's emulator (for a contact's id on that channel,
   * after a call index).
   */
  sentCalls?: (channel: ContactChannel, id: string | undefined, after: number) => SandboxCall[];
  /** Sandbox only: gives a test contact the emulators' profile of Sam Sandbox, unless it has one. */
  nameSandboxTester?: (psid: string) => void;
  /** Sandbox only: the locale the emulator's profile of a test contact gives (`fr_FR`). */
  setSandboxLocale?: (psid: string, locale: string) => void;
  /**
   * Tell the workers there is new work, so they do not wait for their next poll. With a contact,
   * the worker or sender goes straight to that contact's next row instead of scanning its queue.
   */
  wake: {
    inbox(psid?: string): void;
    outbox(psid?: string): void;
    timers(): void;
    /** Events out were queued. */
    webhooks(): void;
  };
  /**
   * The address people open Convo at: `CONVO_PUBLIC_URL`, else `http://localhost:<port>` (the
   * port listened on, once started). Links sent out of Convo (Notify the team's) start with it.
   */
  readonly publicUrl: { value: string };
  /** The inbox's live news for agents (server-sent events), across replicas. */
  conversationFeed: ConversationFeed;
  /** Published flows changed: the worker reloads them before its next step. */
  flowsChanged(): void;
  /** The published flows, as the worker steps them (the events API reads their event triggers). */
  publishedFlows(): Promise<{ refs: readonly FlowRef[]; byId: ReadonlyMap<string, FlowRef> }>;
}
