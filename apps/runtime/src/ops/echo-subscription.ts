import type { GraphGateway } from "../graph-api/gateway";

/**
 * Whether the Page sends Convo its message echoes: `subscribed`, `missing`, `unknown` (the check
 * failed, or several apps are installed and `MESSENGER_APP_ID` does not say which is Convo), or
 * `sandbox` (no Page: the built-in emulator plays Messenger).
 */
export type EchoStatus = "subscribed" | "missing" | "unknown" | "sandbox";

export interface EchoSubscriptionState {
  status: EchoStatus;
  /** When the Graph API was last asked (ISO 8601), null before the first answer. */
  checkedAt: string | null;
  /** Why the status is `unknown`, or which app lacks the field. */
  detail?: string;
}

/** All the check ever says is a warning (a `Logger` fits; this layer sits below `log.ts`). */
interface WarnLog {
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** The Page's subscription can change in Meta's dashboard at any time: asked again this often. */
const RECHECK_MS = 10 * 60_000;

/** What the owner loses without echoes, said once in the log. */
const WITHOUT_ECHOES =
  "the Page is not subscribed to message_echoes: Convo cannot see a person answering in the Page " +
  "Inbox (the bot keeps talking), and a message in flight at a crash or whose call timed out is " +
  "sent again after CONVO_ECHO_WAIT_SECONDS instead of once. Subscribe the app to message_echoes " +
  "in Meta's dashboard (Messenger → Settings → Webhooks).";

/**
 * Checks at start, then every ten minutes, through `GET /{page-id}/subscribed_apps`, whether the
 * Page sends Convo `message_echoes`. A missing subscription is a warning in the log, a gauge in
 * `/metrics` and a banner in the editor; Convo keeps running (`/readyz` stays 200): without
 * echoes it sends at least once instead of exactly once.
 */
export class EchoSubscription {
  #state: EchoSubscriptionState;
  #timer: NodeJS.Timeout | undefined;
  #warned = false;

  constructor(
    private readonly graph: GraphGateway | undefined,
    private readonly options: { pageId?: string | undefined; appId?: string | undefined },
    private readonly log: WarnLog,
    private readonly now: () => number,
  ) {
    this.#state = { status: graph ? "unknown" : "sandbox", checkedAt: null };
  }

  get state(): EchoSubscriptionState {
    return this.#state;
  }

  /** The first check, then one every ten minutes; never throws. */
  async start(): Promise<void> {
    if (!this.graph) return;
    this.#timer = setInterval(() => void this.check(), RECHECK_MS);
    this.#timer.unref();
    await this.check();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  async check(): Promise<EchoSubscriptionState> {
    if (!this.graph) return this.#state;
    const checkedAt = new Date(this.now()).toISOString();
    let apps: { id: string; fields: string[] }[];
    try {
      apps = await this.graph.subscribedApps(this.options.pageId);
    } catch (error) {
      const detail = `the Graph API did not say (${error instanceof Error ? error.message : String(error)})`;
      this.log.warn("could not check the Page's message_echoes subscription", { detail });
      this.#state = { status: "unknown", checkedAt, detail };
      return this.#state;
    }
    const { appId } = this.options;
    const ours =
      appId === undefined
        ? apps.length === 1
          ? apps[0]
          : undefined
        : apps.find((a) => a.id === appId);
    if (!ours && appId === undefined && apps.length > 1) {
      this.#state = {
        status: "unknown",
        checkedAt,
        detail: `${apps.length} apps are installed on the Page: set MESSENGER_APP_ID to say which is Convo`,
      };
    } else if (ours?.fields.includes("message_echoes")) {
      this.#state = { status: "subscribed", checkedAt };
      this.#warned = false;
    } else {
      const detail = ours
        ? `app ${ours.id} lacks message_echoes`
        : "the app is not installed on the Page";
      this.#state = { status: "missing", checkedAt, detail };
      // Once until it changes, not every ten minutes.
      if (!this.#warned) this.log.warn(WITHOUT_ECHOES, { detail });
      this.#warned = true;
    }
    return this.#state;
  }
}
