import type { GraphFailure } from "../graph-api/gateway";
import type { OutboxRow } from "../store/outbox";
import type { Store } from "../store/store";
import { outEvent } from "../store/webhooks";

/**
 * A message was set aside for good. Outside the window with no tag that allows it, its event is
 * skipped with the reason (never sent for Meta to refuse); otherwise the event failed with Meta's
 * error. Either way the brand's endpoints hear `message.failed`.
 */
export async function settleParked(
  store: Store,
  row: OutboxRow,
  failure: GraphFailure,
  reason: string,
  now: number,
): Promise<void> {
  const item = row.item;
  if (item.kind !== "message") return;
  const brandEventId = item.brandEventId;
  if (brandEventId !== undefined) {
    await store.events.settle(
      brandEventId,
      failure.category === "outside_window"
        ? { status: "skipped", reason: "outside_window" }
        : { status: "failed", error: { code: failure.code, message: failure.message } },
      now,
    );
  }
  await store.webhooks.enqueue(
    [
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
    now,
  );
}
