import fc from "fast-check";
import type { EventField } from "../../events";
import { optional } from "../../testing/optional";
import type { NodeArbitrary } from "../../testing/vocabulary";
import { keywordMatchSchema } from "./schema";

export const triggerArbitrary: NodeArbitrary<"trigger"> = (w) =>
  fc.record({
    label: w.label,
    triggers: fc.array(
      fc.oneof(
        fc.record({
          kind: fc.constant("keyword" as const),
          match: fc.constantFrom(...keywordMatchSchema.options),
          keywords: fc.array(w.keyword, { maxLength: 3 }),
        }),
        fc.record({
          kind: fc.constant("ref" as const),
          ref: w.ref,
          externalId: optional(fc.boolean()),
        }),
        fc.record({
          kind: fc.constant("event" as const),
          event: fc.constantFrom("order.shipped", "flight.gate_changed"),
          fields: fc.constantFrom<EventField[][]>(
            [],
            [{ name: "tracking_url", type: "url", required: true }],
            [
              { name: "gate", type: "text" },
              { name: "delay", type: "number" },
            ],
          ),
        }),
        fc.record({ kind: fc.constant("postback" as const), payload: w.payload }),
        fc.constant({ kind: "get_started" as const }),
        fc.constant({ kind: "default" as const }),
        fc.record({
          kind: fc.constant("intent" as const),
          name: w.keyword,
          examples: fc.array(w.keyword, { maxLength: 3 }),
        }),
        fc.record(
          {
            kind: fc.constant("comment" as const),
            keywords: fc.array(w.keyword, { maxLength: 3 }),
            posts: fc.array(w.ref, { maxLength: 2 }),
          },
          { requiredKeys: ["kind", "keywords"] },
        ),
      ),
      { maxLength: 3 },
    ),
  });
