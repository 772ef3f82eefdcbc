/**
 * fast-check arbitraries for the engine's property tests: flows built to be *played* (a small
 * vocabulary, so keywords, refs, handles, request and timer ids line up with the events; edges
 * from real handles to any node, loops and cross-flow gotos included) and events aimed at them.
 * Node data comes from each node type's generator (`NODE_ARBITRARIES` in `@convo/flow/testing`),
 * written in the small vocabulary below. `@convo/flow/testing`'s `arbitraryFlow` is the other half: any schema-valid flow, odd text and
 * URLs included, for the format's round trips and for "step never throws" over anything valid.
 * Test-only: it imports fast-check, so it is not exported from `@convo/engine/testing`'s index.
 */
import {
  encodePayload,
  type Flow,
  type FlowNode,
  NODE_TYPES,
  nodeOutputs,
  valueOperatorSchema,
} from "@convo/flow";
import {
  arbitraryNodeData,
  optional,
  type Vocabulary,
  withoutUndefined,
} from "@convo/flow/testing/arbitrary";
import fc from "fast-check";
import type { EngineEvent } from "../types";

const WORDS = [
  "hi",
  "order",
  "colis",
  "help",
  "Côlis",
  "42",
  "a@b.co",
  "2025-01-31",
  "31/01/2025",
  "+33 6 12 34 56 78",
  "yes",
];
const text = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 30 }),
  fc.constantFrom("x".repeat(3000), `${"a".repeat(900)}!`),
);
const template = fc.constantFrom(
  "Hello",
  "Hi {{contact.first_name|there}}",
  "{{v1}} and {{v2}}",
  "Key {{secrets.KEY}}",
  "Today {{system.today}}",
  '{"v": "{{v2}}"}',
  "",
);

/** Few words, so keywords, handles, variables, request and timer ids meet the events. */
function playable(flowIds: readonly string[]): Vocabulary {
  return {
    id: fc.constantFrom("a", "b", "c", "d", "q1", "q2"),
    list: (item, maxLength) => fc.uniqueArray(item, { selector: (x) => x.id, maxLength }),
    label: optional(fc.constantFrom("Step", "{{v1}}")),
    text: template,
    title: fc.oneof(template, fc.constantFrom("Yes", "No", "42", "Go")),
    keyword: fc.constantFrom(...WORDS),
    ref: fc.constantFrom("ad", "qr"),
    payload: fc.constantFrom("MENU", "GET_STARTED"),
    url: fc.constantFrom(
      "https://x.example/{{v1}}",
      "https://x.example/i.png",
      "https://api.example/{{v1}}",
    ),
    phone: fc.constant("+331234"),
    variable: fc.constantFrom("v1", "v2", "v3"),
    field: fc.constantFrom("first_name", "locale", "city"),
    tag: fc.constantFrom("vip", "new"),
    operator: fc.constantFrom(...valueOperatorSchema.options),
    ruleValue: fc.constantFrom("hi", "42", "^(a+)+$", "\\d+", "(", "{{v2}}", ""),
    flowId: fc.constantFrom(...flowIds, "missing"),
    nodeId: fc.constantFrom("n0", "n1", "n5", "gone"),
  };
}

/** A random flow that the schema accepts; edges leave from real handles to any node, loops included. */
export function arbitraryFlow(
  flowId: string,
  flowIds: readonly string[] = [flowId],
): fc.Arbitrary<Flow> {
  const words = playable(flowIds);
  const node = (i: number) =>
    fc
      .constantFrom(...NODE_TYPES)
      .chain((type) =>
        arbitraryNodeData(type, words).map(
          (data) =>
            withoutUndefined({ id: `n${i}`, type, position: { x: 0, y: 0 }, data }) as FlowNode,
        ),
      );
  return fc
    .integer({ min: 1, max: 10 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => node(i))))
    .chain((nodes) => {
      const handles = nodes.flatMap((n) =>
        nodeOutputs(n).map((o) => ({ source: n.id, handle: o.id })),
      );
      return fc
        .array(
          fc.tuple(
            fc.constantFrom(...(handles.length ? handles : [{ source: "n0", handle: "next" }])),
            fc.nat(nodes.length - 1),
          ),
          {
            maxLength: handles.length + 2,
          },
        )
        .map((wires) => ({
          schemaVersion: 2 as const,
          languages: ["en"],
          id: flowId,
          name: flowId,
          variables: [{ name: "v2", type: "text" as const, default: "42" }],
          nodes,
          edges: handles.length
            ? wires.map(([{ source, handle }, target], i) => ({
                id: `e${i}`,
                source,
                ...(handle === "next" ? {} : { sourceHandle: handle }),
                target: `n${target}`,
              }))
            : [],
        }));
    });
}

/** Random events, many of them aimed at the flows' real nodes and handles. */
export function arbitraryEvent(flows: readonly Flow[]): fc.Arbitrary<EngineEvent> {
  const targets = flows.flatMap((f) =>
    f.nodes.flatMap((n) =>
      nodeOutputs(n).map((o) =>
        encodePayload({ flowId: f.id, version: 1, nodeId: n.id, handle: o.id }),
      ),
    ),
  );
  const payload = fc.oneof(
    targets.length ? fc.constantFrom(...targets) : fc.constant("cv1|x|1|n0|next"),
    fc.constantFrom("GET_STARTED", "MENU", "cv1|p|1|gone|a", "cv1|bad"),
    fc.string({ maxLength: 20 }),
  );
  const nodeIds = flows.flatMap((f) => f.nodes.map((n) => [f.id, n.id] as const));
  return fc.oneof(
    fc.record({ type: fc.constant("message" as const), text }),
    fc.record({
      type: fc.constant("message" as const),
      attachments: fc.constant(null).map(() => [{ kind: "image" as const, url: "https://x" }]),
    }),
    fc.record({
      type: fc.constant("postback" as const),
      payload,
      title: fc.constantFrom("Yes", "Go"),
    }),
    fc.record({ type: fc.constant("quick_reply" as const), payload, text }),
    fc.record({ type: fc.constant("referral" as const), ref: fc.constantFrom("ad", "qr", "none") }),
    fc.record({
      type: fc.constant("http_result" as const),
      requestId: fc.constantFrom("r1", "r2", "r3", "r4"),
      ok: fc.boolean(),
      status: fc.constantFrom(200, 404, 500),
      body: fc.jsonValue({ maxDepth: 3 }),
    }),
    fc.record({
      type: fc.constant("timer" as const),
      timerId: fc.constantFrom("t1", "t2", "t3", "t4", "t5"),
    }),
    fc.constant({ type: "resume" as const }),
    nodeIds.length
      ? fc
          .constantFrom(...nodeIds)
          .map(([flowId, nodeId]) => ({ type: "start" as const, flowId, nodeId }))
      : fc.constant({ type: "resume" as const }),
  );
}
