import type { GraphFailure } from "../graph-api/gateway";
import type { OutboxRow, ParkedNews } from "../store/outbox";
import { outEvent } from "../store/webhooks";

/**
 * A message was set aside for good. Outside the window with no tag that allows it, its event is
 * skipped with the reason (never sent for Meta to refuse); otherwise the event failed with Meta's
 * error. Either way the brand's endpoints hear `message.failed`. The store writes this with the
 * parked row (`markParked`).
 */
export function parkedNews(
  row: OutboxRow,
  failure: GraphFailure,
  reason: string,
  now: number,
): ParkedNews | undefined {
  const item = row.item;
  if (item.kind !== "message") return undefined;
  const brandEventId = item.brandEventId;
  return {
    ...(brandEventId === undefined
      ? {}
      : {
          brandEvent: {
            id: brandEventId,
            outcome:
              failure.category === "outside_window"
                ? { status: "skipped", reason: "outside_window" }
                : { status: "failed", error: { code: failure.code, message: failure.message } },
          },
        }),
    told: [
      outEvent(
        "message.failed",
        {
          contactId: row.psid,
          outboxId: row.id,
          code: failure.code,
          reason,
          ...(brandEventId === undefined ? {} : { eventId: brandEventId }),
        },
        now,
      ),
    ],
  };
}
