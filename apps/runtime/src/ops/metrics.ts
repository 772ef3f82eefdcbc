import type { QueueDepths } from "../store/stats";

/** Receipt-to-send latency buckets, in seconds (Prometheus convention). */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export type SendOutcome = "sent" | "retried" | "parked";

/** The runtime's counters, rendered as Prometheus text by `/metrics`. */
export class Metrics {
  eventsReceived = 0;
  eventsDuplicate = 0;
  eventsProcessed = 0;
  eventsFailed = 0;
  readonly sends: Record<SendOutcome, number> = { sent: 0, retried: 0, parked: 0 };
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
    return `${lines.join("\n")}\n`;
  }
}
