import fc from "fast-check";
import { optional } from "../../testing/optional";
import type { NodeArbitrary, Vocabulary } from "../../testing/vocabulary";
import { ACTION_LIMITS } from "./schema";

const http = (w: Vocabulary) =>
  fc.record({
    kind: fc.constant("http" as const),
    method: fc.constantFrom("GET" as const, "POST" as const),
    url: w.url,
    headers: optional(
      fc.array(
        fc.record({
          name: fc.constantFrom("Accept", "Authorization", "Content-Type"),
          value: w.text,
        }),
        { maxLength: 2 },
      ),
    ),
    body: optional(w.text),
    timeoutMs: optional(fc.integer(ACTION_LIMITS.timeoutMs)),
    responseMapping: optional(
      fc.array(fc.record({ path: fc.constantFrom("status", "a.b[0]"), variable: w.variable }), {
        maxLength: 2,
      }),
    ),
    statusVariable: optional(w.variable),
  });

export const actionArbitrary: NodeArbitrary<"action"> = (w) =>
  fc.record({
    label: w.label,
    steps: fc.array(
      fc.oneof(
        fc.record({
          kind: fc.constant("set_variable" as const),
          variable: w.variable,
          value: w.text,
        }),
        fc.record({ kind: fc.constantFrom("add_tag" as const, "remove_tag" as const), tag: w.tag }),
        fc.record({ kind: fc.constant("set_field" as const), field: w.field, value: w.text }),
        fc.record({ kind: fc.constant("remember" as const), externalId: w.text }),
        fc.record({ kind: fc.constant("set_language" as const), language: fc.constant("en") }),
        http(w),
      ),
      { maxLength: 4 },
    ),
  });
