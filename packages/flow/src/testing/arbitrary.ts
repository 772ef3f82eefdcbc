/**
 * fast-check arbitraries for valid flows (schema-valid, not necessarily lint-clean). Shared by the
 * property tests of @convo/flow and of other packages through `@convo/flow/testing`.
 */
import fc from "fast-check";
import { NODE_TYPES } from "../nodes";
import { valueOperatorSchema } from "../nodes/condition/schema";
import { nodeOutputs } from "../outputs";
import type { Flow, FlowNode } from "../schema";
import { arbitraryNodeData, withoutUndefined } from "./node-arbitraries";
import { optional } from "./optional";
import type { Vocabulary } from "./vocabulary";

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/);
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("Hello {{contact.first_name|there}}!", "Bonjour 👋 ça va ?", "{{city}}", ""),
);
const position = fc.record({
  x: fc.integer({ min: -5000, max: 5000 }),
  y: fc.double({ noNaN: true, noDefaultInfinity: true }),
});

/** Any text, any id: what a hand-edited file or an old editor may hold. */
export const WIDE_VOCABULARY: Vocabulary = {
  id,
  list: (item, maxLength) => fc.array(item, { maxLength }),
  label: optional(fc.string({ maxLength: 20 })),
  text,
  title: text,
  keyword: text,
  ref: text,
  payload: text,
  url: fc.constantFrom("https://example.com", "http://shop.test/a?b=1", "{{link}}", "ftp://x"),
  phone: fc.constantFrom("+33612345678", "nope"),
  variable: name,
  field: fc.oneof(fc.constantFrom("first_name", "locale"), name),
  tag: text,
  operator: fc.constantFrom(...valueOperatorSchema.options),
  ruleValue: fc.oneof(text, fc.constantFrom("^(a+)+$", "(", "\\d+")),
  flowId: fc.constantFrom("welcome", "support", "generated"),
  nodeId: id,
};

/** A node of a random type, without its id. */
const nodeBody = fc.constantFrom(...NODE_TYPES).chain((type) =>
  fc.record({
    type: fc.constant(type),
    position,
    data: arbitraryNodeData(type, WIDE_VOCABULARY),
  }),
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
        schemaVersion: 2 as const,
        languages: ["en"],
        id: "generated",
        name: flowName,
        variables,
        nodes,
        edges,
      });
    });
}
