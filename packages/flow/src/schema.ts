import { z } from "zod";
import { flowIdSchema, idSchema, nameSchema, positionSchema, shortTextSchema } from "./common";
import type { FlowNode } from "./node-types";
import { NODE_KINDS, NODE_TYPES } from "./nodes";
import { eachTranslations } from "./translations";
import { languagesSchema } from "./translations/schema";

/** The version this build writes. `migrateFlow` brings every earlier version up to it. */
export const CURRENT_SCHEMA_VERSION = 2;

const nodeSchemas = NODE_TYPES.map((type) =>
  z.strictObject({
    id: idSchema,
    type: z.literal(type),
    position: positionSchema,
    data: NODE_KINDS[type].data,
  }),
);

/**
 * A node of any type: the union of `NODE_KINDS`' data schemas on `type`. Typed by hand as
 * `FlowNode`, which `node-types.ts` builds from the same schemas (zod cannot infer a union built
 * from a record's values).
 */
export const flowNodeSchema: z.ZodType<FlowNode> = z.discriminatedUnion(
  "type",
  nodeSchemas as [(typeof nodeSchemas)[number], ...(typeof nodeSchemas)[number][]],
) as unknown as z.ZodType<FlowNode>;

export const edgeSchema = z.strictObject({
  id: idSchema,
  source: idSchema,
  /** The output the edge leaves from; `next` when absent. */
  sourceHandle: idSchema.optional(),
  target: idSchema,
});

export const variableSchema = z.strictObject({
  name: nameSchema,
  type: z.enum(["text", "number", "boolean", "date"]),
  /** Value the variable holds before anything sets it. */
  default: shortTextSchema.optional(),
  description: shortTextSchema.optional(),
});

/** The channels a flow can be published to (`@convo/messenger` has a record for each). */
export const FLOW_CHANNELS = ["messenger", "instagram", "whatsapp"] as const;
export type FlowChannel = (typeof FLOW_CHANNELS)[number];

export const flowSchema = z
  .strictObject({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    id: flowIdSchema,
    name: z.string().min(1, "cannot be empty").max(120, "is too long (over 120 characters)"),
    description: shortTextSchema.optional(),
    /**
     * The languages the flow speaks; the first is the default, the one its texts are written in.
     * Texts in the others are in each text's holder's `translations`.
     */
    languages: languagesSchema,
    /**
     * The channels the flow is published to; lint checks each one's limits. Absent: every
     * channel the runtime has connected.
     */
    channels: z
      .array(z.enum(FLOW_CHANNELS))
      .min(1, "needs at least one channel")
      .max(FLOW_CHANNELS.length)
      .refine((list) => new Set(list).size === list.length, "names a channel twice")
      .optional(),
    variables: z.array(variableSchema).max(500),
    nodes: z.array(flowNodeSchema).max(10_000),
    edges: z.array(edgeSchema).max(20_000),
  })
  .superRefine((flow, ctx) => {
    // Ids must be unique: the canvas, the engine and every payload address things by id.
    const seenNodes = new Set<string>();
    flow.nodes.forEach((n, i) => {
      if (seenNodes.has(n.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["nodes", i, "id"],
          message: `Another step already has the id "${n.id}".`,
        });
      }
      seenNodes.add(n.id);
    });
    const seenEdges = new Set<string>();
    flow.edges.forEach((e, i) => {
      if (seenEdges.has(e.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["edges", i, "id"],
          message: `Another connection already has the id "${e.id}".`,
        });
      }
      seenEdges.add(e.id);
    });
    const seenVariables = new Set<string>();
    flow.variables.forEach((v, i) => {
      if (seenVariables.has(v.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["variables", i, "name"],
          message: `The variable "${v.name}" is declared twice.`,
        });
      }
      seenVariables.add(v.name);
    });
    // A translation is in one of the flow's other languages.
    const others = new Set(flow.languages.slice(1));
    flow.nodes.forEach((node, i) => {
      eachTranslations(node.data, ["nodes", i, "data"], (translations, path) => {
        for (const language of Object.keys(translations)) {
          if (others.has(language)) continue;
          ctx.addIssue({
            code: "custom",
            path: [...path, language],
            message:
              language === flow.languages[0]
                ? `"${language}" is the flow's default language: its text is the field itself, not a translation.`
                : `The flow does not speak "${language}": add it to "languages" or remove this translation.`,
          });
        }
      });
    });
  });

export type Flow = z.infer<typeof flowSchema>;
export type Edge = z.infer<typeof edgeSchema>;
export type Variable = z.infer<typeof variableSchema>;
export type { FlowNode, NodeData, NodeOfType, NodeType, Position } from "./node-types";
