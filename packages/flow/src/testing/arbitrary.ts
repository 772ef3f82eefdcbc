/**
 * fast-check arbitraries for valid flows (schema-valid, not necessarily lint-clean). Shared by the
 * property tests of @convo/flow and of other packages through `@convo/flow/testing`.
 */
import fc from "fast-check";
import { nodeOutputs } from "../outputs";
import type { Flow, FlowNode } from "../schema";

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/);
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("Hello {{contact.first_name|there}}!", "Bonjour 👋 ça va ?", "{{city}}", ""),
);
const url = fc.constantFrom("https://example.com", "http://shop.test/a?b=1", "{{link}}", "ftp://x");
const position = fc.record({
  x: fc.integer({ min: -5000, max: 5000 }),
  y: fc.double({ noNaN: true, noDefaultInfinity: true }),
});
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

function withoutUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const button = fc.oneof(
  fc.record({ id, kind: fc.constant("postback" as const), title: text }),
  fc.record({
    id,
    kind: fc.constant("url" as const),
    title: text,
    url,
    webviewHeight: optional(fc.constantFrom("compact" as const, "tall" as const, "full" as const)),
  }),
  fc.record({
    id,
    kind: fc.constant("call" as const),
    title: text,
    phone: fc.constantFrom("+33612345678", "nope"),
  }),
);
const buttons = optional(fc.array(button, { maxLength: 4 }));

const block = fc.oneof(
  fc.record({ id, kind: fc.constant("text" as const), text, buttons }),
  fc.record({
    id,
    kind: fc.constantFrom("image" as const, "video" as const, "audio" as const, "file" as const),
    url,
  }),
  fc.record({
    id,
    kind: fc.constant("cards" as const),
    imageAspectRatio: optional(fc.constantFrom("horizontal" as const, "square" as const)),
    cards: fc.array(
      fc.record({
        id,
        title: text,
        subtitle: optional(text),
        imageUrl: optional(url),
        url: optional(url),
        buttons,
      }),
      { maxLength: 3 },
    ),
  }),
  fc.record({ id, kind: fc.constant("typing" as const), seconds: fc.integer({ min: 0, max: 20 }) }),
);

const rule = fc.oneof(
  fc.record({
    kind: fc.constant("variable" as const),
    name,
    op: fc.constantFrom(
      "equals" as const,
      "contains" as const,
      "greater_than" as const,
      "is_set" as const,
      "matches" as const,
    ),
    value: optional(text),
  }),
  fc.record({
    kind: fc.constant("contact" as const),
    field: fc.constantFrom("first_name", "locale"),
    op: fc.constantFrom("starts_with" as const, "is_empty" as const),
    value: optional(text),
  }),
  fc.record({
    kind: fc.constant("tag" as const),
    tag: text,
    op: fc.constantFrom("has" as const, "has_not" as const),
  }),
);

const label = optional(fc.string({ maxLength: 20 }));

const data: { [T in FlowNode["type"]]: fc.Arbitrary<Extract<FlowNode, { type: T }>["data"]> } = {
  trigger: fc.record({
    label,
    triggers: fc.array(
      fc.oneof(
        fc.record({
          kind: fc.constant("keyword" as const),
          match: fc.constantFrom("exact" as const, "contains" as const, "starts_with" as const),
          keywords: fc.array(text, { maxLength: 3 }),
        }),
        fc.record({ kind: fc.constant("ref" as const), ref: text }),
        fc.record({ kind: fc.constant("postback" as const), payload: text }),
        fc.constant({ kind: "get_started" as const }),
        fc.constant({ kind: "default" as const }),
      ),
      { maxLength: 3 },
    ),
  }),
  message: fc.record({
    label,
    content: fc.array(block, { maxLength: 3 }),
    quickReplies: optional(
      fc.array(fc.record({ id, title: text, imageUrl: optional(url) }), { maxLength: 3 }),
    ),
  }),
  input: fc.record({
    label,
    question: text,
    variable: name,
    validation: fc.oneof(
      fc.record({
        kind: fc.constant("text" as const),
        minLength: optional(fc.nat(5)),
        maxLength: optional(fc.integer({ min: 1, max: 50 })),
      }),
      fc.record({
        kind: fc.constant("number" as const),
        min: optional(fc.integer()),
        max: optional(fc.integer()),
        integer: optional(fc.boolean()),
      }),
      fc.constantFrom(
        { kind: "email" as const },
        { kind: "phone" as const },
        { kind: "date" as const },
      ),
      fc.record({
        kind: fc.constant("choice" as const),
        choices: fc.array(fc.record({ id, title: text, value: optional(text) }), { maxLength: 3 }),
      }),
    ),
    retryText: optional(text),
    retryLimit: optional(fc.integer({ min: 0, max: 10 })),
    timeoutSeconds: optional(fc.integer({ min: 1, max: 3600 })),
    offerContactQuickReply: optional(fc.boolean()),
  }),
  condition: fc.record({
    label,
    branches: fc.array(
      fc.record({
        id,
        label,
        match: fc.constantFrom("all" as const, "any" as const),
        rules: fc.array(rule, { maxLength: 3 }),
      }),
      { maxLength: 3 },
    ),
  }),
  action: fc.record({
    label,
    steps: fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant("set_variable" as const), variable: name, value: text }),
        fc.record({ kind: fc.constantFrom("add_tag" as const, "remove_tag" as const), tag: text }),
        fc.record({ kind: fc.constant("set_field" as const), field: name, value: text }),
        fc.record({
          kind: fc.constant("http" as const),
          method: fc.constantFrom("GET" as const, "POST" as const),
          url,
          headers: optional(
            fc.array(fc.record({ name: fc.constantFrom("Accept", "Authorization"), value: text }), {
              maxLength: 2,
            }),
          ),
          body: optional(text),
          timeoutMs: optional(fc.integer({ min: 100, max: 30_000 })),
          responseMapping: optional(
            fc.array(fc.record({ path: fc.constantFrom("status", "a.b[0]"), variable: name }), {
              maxLength: 2,
            }),
          ),
          statusVariable: optional(name),
        }),
      ),
      { maxLength: 3 },
    ),
  }),
  delay: fc.record({
    label,
    amount: fc.integer({ min: 1, max: 100 }),
    unit: fc.constantFrom(
      "seconds" as const,
      "minutes" as const,
      "hours" as const,
      "days" as const,
    ),
  }),
  randomizer: fc.record({
    label,
    variants: fc.array(fc.record({ id, label, weight: fc.integer({ min: 0, max: 100 }) }), {
      maxLength: 3,
    }),
    sticky: optional(fc.boolean()),
  }),
  handover: fc.record({
    label,
    message: optional(text),
    resumeAfterHours: optional(fc.integer({ min: 1, max: 48 })),
  }),
  goto: fc.record({
    label,
    flowId: fc.constantFrom("welcome", "support", "generated"),
    nodeId: optional(id),
  }),
  note: fc.record({
    text,
    color: optional(fc.constantFrom("yellow" as const, "blue" as const)),
    width: optional(fc.integer({ min: 1, max: 500 })),
    height: optional(fc.integer({ min: 1, max: 500 })),
  }),
};

const nodeType = fc.constantFrom(...(Object.keys(data) as FlowNode["type"][]));

/** A node of a random type, without its id. */
const nodeBody = nodeType.chain((type) =>
  fc.record({ type: fc.constant(type), position, data: data[type] as fc.Arbitrary<unknown> }),
);

/**
 * Random schema-valid flows: 1 to `maxNodes` nodes of every type, wired by edges that leave from
 * real outputs (and, now and then, from missing ones: still schema-valid, lint's business).
 */
export function arbitraryFlow(maxNodes = 12): fc.Arbitrary<Flow> {
  return fc
    .record({
      name: fc.string({ minLength: 1, maxLength: 30 }),
      bodies: fc.array(nodeBody, { minLength: 1, maxLength: maxNodes }),
      wiring: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: maxNodes * 2 }),
      variables: fc.uniqueArray(
        fc.record({
          name,
          type: fc.constantFrom("text" as const, "number" as const),
          default: optional(text),
        }),
        { selector: (v) => v.name, maxLength: 3 },
      ),
    })
    .map(({ name: flowName, bodies, wiring, variables }) => {
      const nodes = bodies.map((body, i) => withoutUndefined({ id: `n${i}`, ...body }) as FlowNode);
      const edges: Flow["edges"] = [];
      for (const [from, to, handlePick] of wiring) {
        const source = nodes[from % nodes.length] as FlowNode;
        const target = nodes[to % nodes.length] as FlowNode;
        const outputs = nodeOutputs(source);
        const output = outputs.length > 0 ? outputs[handlePick % outputs.length] : undefined;
        const edge: Flow["edges"][number] = {
          id: `e${edges.length}`,
          source: source.id,
          target: target.id,
        };
        if (output && output.id !== "next") edge.sourceHandle = output.id;
        edges.push(edge);
      }
      return withoutUndefined({
        schemaVersion: 1 as const,
        id: "generated",
        name: flowName,
        variables,
        nodes,
        edges,
      });
    });
}
