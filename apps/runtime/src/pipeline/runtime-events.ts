import type { EngineEvent } from "@convo/engine";
import type { NewInboxEvent } from "../store/inbox";
import type { DueTimer } from "../store/timers";

/**
 * An event the runtime makes for itself, for the contact's inbox. Its key says what made it, so
 * what is made twice (a timer fired again after a crash, an HTTP answer recorded twice) is
 * inserted once.
 */
export function runtimeEvent(psid: string, key: string, event: EngineEvent): NewInboxEvent {
  return {
    dedupeKey: `runtime:${psid}:${key}`,
    psid,
    kind: event.type,
    event: { source: "runtime", event },
    actionable: true,
  };
}

/**
 * A timer's firing, keyed by its row (the same timer id may be set again later) and its time
 * (databases from before migration 4 may give a new row the id of one fired before).
 */
export function timerEvent(timer: DueTimer): NewInboxEvent {
  return runtimeEvent(timer.psid, `timer:${timer.id}:${timer.dueAt}`, timer.event);
}

/** The answer of the HTTP action queued as outbox row `outboxId`. */
export function httpAnswerEvent(outboxId: number, psid: string, answer: EngineEvent) {
  return runtimeEvent(psid, `outbox:${outboxId}`, answer);
}
