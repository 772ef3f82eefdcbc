import type { QueueDepths } from "../store/stats";
import type { EchoStatus } from "./echo-subscription";

/** Receipt-to-send latency buckets, in seconds (Prometheus convention). */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export type SendOutcome = "sent" | "retried" | "parked";

/** Distinct label values a labelled counter keeps; past them, counts go to `other`. */
const MAX_LABELS = 64;

/** A counter by one label, bounded however many values the senders make up. */
export class LabelledCounter {
  readonly #counts = new Map<string, number>();

  /** Counts one; true the first time this value is seen (the caller logs it once). */
  add(label: string): boolean {
    const key = this.#counts.has(label) || this.#counts.size < MAX_LABELS ? label : "other";
    const before = this.#counts.get(key);
    this.#counts.set(key, (before ?? 0) + 1);
    return before === undefined;
  }

  get(label: string): number {
    return this.#counts.get(label) ?? 0;
  }

  lines(name: string, label: string): string[] {
    return [...this.#counts].map(([value, n]) => `${name}{${label}="${value}"} ${n}`);
  }
}

/** The runtime's counters, rendered as Prometheus text by `/metrics`. */
export class Metrics {
  eventsReceived = 0;
  eventsDuplicate = 0;
  eventsProcessed = 0;
  eventsFailed = 0;
  readonly sends: Record<SendOutcome, number> = { sent: 0, retried: 0, parked: 0 };
  /** Webhook events not understood, by what they are (`unknownKind`: `message_edit`, …). */
  readonly eventsUnknown = new LabelledCounter();
  /** The Page blocked or unblocked by Meta (`policy_enforcement`), by action. */
  readonly policyEnforcement = new LabelledCounter();
  /** Connections the HTTP server refused or closed, by why. */
  readonly http = { refused: 0, timedOut: 0, aborted: 0, badRequests: 0 };
  /** Model calls the monthly token budget refused (the steps took their `error` path). */
  readonly ai = { budgetRefused: 0 };
  /** Whether the Page sends its message echoes (see `EchoSubscription`). */
  echoStatus: () => EchoStatus = () => "sandbox";
  /** Open connections, as the HTTP server counts them (none before it listens). */
  openConnections: () => number = () => 0;
  readonly #latencyCounts = new Array<number>(BUCKETS.length).fill(0);
  #latencySum = 0;
  #latencyCount = 0;

  /** Milliseconds from the webhook's receipt to the Send API's answer. */
  observeLatency(ms: number): void {
    const seconds = ms / 1000;
    this.#latencySum += seconds;
    this.#latencyCount++;
    for (let i = 0; i < BUCKETS.length; i++) {
      if (seconds <= (BUCKETS[i] as number))
        this.#latencyCounts[i] = (this.#latencyCounts[i] ?? 0) + 1;
    }
  }

  render(depths: QueueDepths): string {
    const lines: string[] = [];
    const counter = (name: string, help: string, value: number, labels = "") => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`, `${name}${labels} ${value}`);
    };
    counter(
      "convo_events_received_total",
      "Webhook events stored in the inbox.",
      this.eventsReceived,
    );
    counter(
      "convo_events_duplicate_total",
      "Redelivered webhook events dropped by the inbox.",
      this.eventsDuplicate,
    );
    counter("convo_events_processed_total", "Inbox events processed.", this.eventsProcessed);
    counter("convo_events_failed_total", "Inbox events that failed.", this.eventsFailed);
    lines.push(
      "# HELP convo_events_unknown_total Webhook events Convo did not understand, by kind.",
      "# TYPE convo_events_unknown_total counter",
      ...this.eventsUnknown.lines("convo_events_unknown_total", "kind"),
      "# HELP convo_policy_enforcement_total Meta's policy actions on the Page (block, unblock).",
      "# TYPE convo_policy_enforcement_total counter",
      ...this.policyEnforcement.lines("convo_policy_enforcement_total", "action"),
    );
    lines.push(
      "# HELP convo_sends_total Send API calls by outcome.",
      "# TYPE convo_sends_total counter",
    );
    for (const [outcome, n] of Object.entries(this.sends)) {
      lines.push(`convo_sends_total{outcome="${outcome}"} ${n}`);
    }
    lines.push(
      "# HELP convo_queue_depth Rows waiting, by queue.",
      "# TYPE convo_queue_depth gauge",
    );
    lines.push(`convo_queue_depth{queue="inbox"} ${depths.inboxPending}`);
    lines.push(`convo_queue_depth{queue="outbox"} ${depths.outboxQueued}`);
    lines.push(`convo_queue_depth{queue="parked"} ${depths.outboxParked}`);
    lines.push(`convo_queue_depth{queue="timers"} ${depths.timers}`);
    const h = "convo_receipt_to_send_seconds";
    lines.push(
      `# HELP ${h} From webhook receipt to the Send API's answer.`,
      `# TYPE ${h} histogram`,
    );
    BUCKETS.forEach((le, i) => {
      lines.push(`${h}_bucket{le="${le}"} ${this.#latencyCounts[i]}`);
    });
    lines.push(`${h}_bucket{le="+Inf"} ${this.#latencyCount}`);
    lines.push(`${h}_sum ${this.#latencySum}`, `${h}_count ${this.#latencyCount}`);
    const echoes = this.echoStatus();
    if (echoes !== "sandbox") {
      // A state set: the current status is 1. Alert on {status="missing"} == 1.
      lines.push(
        "# HELP convo_page_message_echoes Whether the Page is subscribed to message_echoes.",
        "# TYPE convo_page_message_echoes gauge",
      );
      for (const status of ["subscribed", "missing", "unknown"] as const) {
        lines.push(`convo_page_message_echoes{status="${status}"} ${echoes === status ? 1 : 0}`);
      }
    }
    lines.push(
      "# HELP convo_http_connections_open Connections open to the HTTP server.",
      "# TYPE convo_http_connections_open gauge",
      `convo_http_connections_open ${this.openConnections()}`,
      "# HELP convo_http_refused_total Requests and connections refused: too many connections.",
      "# TYPE convo_http_refused_total counter",
      `convo_http_refused_total ${this.http.refused}`,
      "# HELP convo_http_closed_total Connections closed by the server or the client mid-request.",
      "# TYPE convo_http_closed_total counter",
      `convo_http_closed_total{reason="timeout"} ${this.http.timedOut}`,
      `convo_http_closed_total{reason="aborted"} ${this.http.aborted}`,
      `convo_http_closed_total{reason="bad_request"} ${this.http.badRequests}`,
    );
    counter(
      "convo_ai_budget_refused_total",
      "Model calls refused because the monthly AI token budget is spent.",
      this.ai.budgetRefused,
    );
    return `${lines.join("\n")}\n`;
  }
}
