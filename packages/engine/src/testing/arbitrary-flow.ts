/**
 * fast-check arbitraries for the engine's property tests: flows built to be *played* (a small
 * vocabulary, so keywords, refs, handles, request and timer ids line up with the events; edges
 * from real handles to any node, loops and cross-flow gotos included) and events aimed at them.
 * `@convo/flow/testing`'s `arbitraryFlow` is the other half: any schema-valid flow, odd text and
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
  "",
);
const id = fc.constantFrom("a", "b", "c", "d");
const variable = fc.constantFrom("v1", "v2", "v3");
const op = fc.constantFrom(...valueOperatorSchema.options);
const ruleValue = fc.constantFrom("hi", "42", "^(a+)+$", "\\d+", "(", "{{v2}}", "");

const uniqueById = <T extends { id: string }>(arb: fc.Arbitrary<T>, max: number) =>
  fc.uniqueArray(arb, { selector: (x) => x.id, maxLength: max });

function nodeData(type: FlowNode["type"], flowIds: readonly string[]): fc.Arbitrary<unknown> {
  switch (type) {
    case "trigger":
      return fc.record({
        triggers: fc.array(
          fc.oneof(
            fc.record({
              kind: fc.constant("keyword"),
              match: fc.constantFrom("exact", "contains", "starts_with"),
              keywords: fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }),
            }),
            fc.record({ kind: fc.constant("ref"), ref: fc.constantFrom("ad", "qr") }),
            fc.record({
              kind: fc.constant("postback"),
              payload: fc.constantFrom("MENU", "GET_STARTED"),
            }),
            fc.constant({ kind: "get_started" }),
            fc.constant({ kind: "default" }),
          ),
          { maxLength: 3 },
        ),
      });
    case "message": {
      const button = fc.oneof(
        fc.record({ id, kind: fc.constant("postback"), title: template }),
        fc.record({
          id,
          kind: fc.constant("url"),
          title: template,
          url: fc.constant("https://x.example/{{v1}}"),
        }),
        fc.record({
          id,
          kind: fc.constant("call"),
          title: template,
          phone: fc.constant("+331234"),
        }),
      );
      const block = fc.oneof(
        fc.record({
          id,
          kind: fc.constant("text"),
          text: template,
          buttons: fc.option(uniqueById(button, 3), { nil: undefined }),
        }),
        fc.record({ id, kind: fc.constant("typing"), seconds: fc.integer({ min: 0, max: 3 }) }),
        fc.record({ id, kind: fc.constant("image"), url: fc.constant("https://x.example/i.png") }),
        fc.record({
          id,
          kind: fc.constant("cards"),
          cards: fc.array(
            fc.record({
              id,
              title: template,
              buttons: fc.option(uniqueById(button, 2), { nil: undefined }),
            }),
            { maxLength: 2 },
          ),
        }),
      );
      return fc
        .record(
          {
            content: fc.array(block, { maxLength: 3 }),
            quickReplies: uniqueById(
              fc.record({ id: fc.constantFrom("q1", "q2", "a"), title: template }),
              2,
            ),
          },
          { requiredKeys: ["content"] },
        )
        .map(dropUndefined);
    }
    case "input":
      return fc
        .record(
          {
            question: template,
            variable,
            validation: fc.oneof(
              fc
                .record({
                  kind: fc.constant("text"),
                  minLength: fc.option(fc.nat(5), { nil: undefined }),
                })
                .map(dropUndefined),
              fc.record({ kind: fc.constant("number"), integer: fc.boolean() }),
              fc.constantFrom({ kind: "email" }, { kind: "phone" }, { kind: "date" }),
              fc.record({
                kind: fc.constant("choice"),
                choices: uniqueById(
                  fc.record({ id, title: fc.constantFrom("Yes", "No", "42") }),
                  3,
                ),
              }),
            ),
            retryLimit: fc.integer({ min: 0, max: 3 }),
            timeoutSeconds: fc.integer({ min: 1, max: 100 }),
            offerContactQuickReply: fc.boolean(),
          },
          { requiredKeys: ["question", "variable", "validation"] },
        )
        .map(dropUndefined);
    case "condition":
      return fc.record({
        branches: uniqueById(
          fc.record({
            id,
            match: fc.constantFrom("all", "any"),
            rules: fc.array(
              fc.oneof(
                fc.record({ kind: fc.constant("variable"), name: variable, op, value: ruleValue }),
                fc.record({
                  kind: fc.constant("contact"),
                  field: fc.constantFrom("first_name", "locale"),
                  op,
                  value: ruleValue,
                }),
                fc.record({
                  kind: fc.constant("tag"),
                  tag: fc.constantFrom("vip", "new"),
                  op: fc.constantFrom("has", "has_not"),
                }),
              ),
              { maxLength: 3 },
            ),
          }),
          3,
        ),
      });
    case "action":
      return fc.record({
        steps: fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant("set_variable"), variable, value: template }),
            fc.record({ kind: fc.constant("add_tag"), tag: fc.constantFrom("vip", "new") }),
            fc.record({ kind: fc.constant("remove_tag"), tag: fc.constantFrom("vip", "new") }),
            fc.record({
              kind: fc.constant("set_field"),
              field: fc.constantFrom("city", "locale"),
              value: template,
            }),
            fc.record({
              kind: fc.constant("http"),
              method: fc.constantFrom("GET", "POST"),
              url: fc.constant("https://api.example/{{v1}}"),
              body: fc.constant('{"v": "{{v2}}"}'),
              responseMapping: fc.constant([{ path: "a.b[0]", variable: "v1" }]),
              statusVariable: fc.constant("v3"),
            }),
          ),
          { maxLength: 4 },
        ),
      });
    case "delay":
      return fc.record({
        amount: fc.integer({ min: 1, max: 5 }),
        unit: fc.constantFrom("seconds", "minutes", "hours", "days"),
      });
    case "randomizer":
      return fc
        .record(
          {
            variants: uniqueById(fc.record({ id, weight: fc.integer({ min: 0, max: 3 }) }), 3),
            sticky: fc.boolean(),
          },
          { requiredKeys: ["variants"] },
        )
        .map(dropUndefined);
    case "handover":
      return fc
        .record(
          { message: template, resumeAfterHours: fc.integer({ min: 1, max: 48 }) },
          { requiredKeys: [] },
        )
        .map(dropUndefined);
    case "goto":
      return fc
        .record(
          {
            flowId: fc.constantFrom(...flowIds, "missing"),
            nodeId: fc.constantFrom("n0", "n1", "n5", "gone"),
          },
          { requiredKeys: ["flowId"] },
        )
        .map(dropUndefined);
    case "note":
      return fc.constant({ text: "note" });
  }
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A random flow that the schema accepts; edges leave from real handles to any node, loops included. */
export function arbitraryFlow(
  flowId: string,
  flowIds: readonly string[] = [flowId],
): fc.Arbitrary<Flow> {
  const node = (i: number) =>
    fc
      .constantFrom(...NODE_TYPES)
      .chain((type) =>
        nodeData(type, flowIds).map(
          (data) => ({ id: `n${i}`, type, position: { x: 0, y: 0 }, data }) as FlowNode,
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
          schemaVersion: 1 as const,
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
