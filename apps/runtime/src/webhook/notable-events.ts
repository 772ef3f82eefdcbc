import { type InboundEvent, unknownKind } from "@convo/messenger";
import type { Logger } from "../log";
import type { Metrics } from "../ops/metrics";

const PLAIN = /^[a-z][a-z0-9_]{0,31}$/;

/**
 * What an operator must hear of a webhook body: each unknown event counted by kind (the first
 * of each kind logged at info, with its reason), and Meta's policy actions on the Page (a block,
 * an unblock) logged at warn and counted. `log` is the request's (`requestLog`), made only when
 * a line is written.
 */
export function noteEvents(
  events: readonly InboundEvent[],
  metrics: Metrics,
  log: () => Logger,
): void {
  for (const event of events) {
    if (event.kind === "unknown") {
      const kind = unknownKind(event);
      if (metrics.eventsUnknown.add(kind)) {
        log().info("webhook event not understood (the first of its kind)", {
          kind,
          reason: event.reason,
          pageId: event.pageId,
        });
      }
    } else if (event.kind === "policy_enforcement") {
      const action = PLAIN.test(event.action) ? event.action : "other";
      metrics.policyEnforcement.add(action);
      log().warn("Meta took a policy action on the Page", {
        action: event.action,
        reason: event.reason ?? null,
        pageId: event.pageId,
      });
    }
  }
}
