import { z } from "zod";
import { flowIdSchema, idSchema, nameSchema, positionSchema, shortTextSchema } from "./common";
import { actionDataSchema } from "./nodes/action/schema";
import { conditionDataSchema } from "./nodes/condition/schema";
import { delayDataSchema } from "./nodes/delay/schema";
import { gotoDataSchema } from "./nodes/goto/schema";
import { handoverDataSchema } from "./nodes/handover/schema";
import { inputDataSchema } from "./nodes/input/schema";
import { messageDataSchema } from "./nodes/message/schema";
import { noteDataSchema } from "./nodes/note/schema";
import { randomizerDataSchema } from "./nodes/randomizer/schema";
import { triggerDataSchema } from "./nodes/trigger/schema";

/** The version this build writes. `migrateFlow` brings every earlier version up to it. */
export const CURRENT_SCHEMA_VERSION = 1;

const node = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({ id: idSchema, type: z.literal(type), position: positionSchema, data });

export const triggerNodeSchema = node("trigger", triggerDataSchema);
export const messageNodeSchema = node("message", messageDataSchema);
export const inputNodeSchema = node("input", inputDataSchema);
export const conditionNodeSchema = node("condition", conditionDataSchema);
export const actionNodeSchema = node("action", actionDataSchema);
export const delayNodeSchema = node("delay", delayDataSchema);
export const randomizerNodeSchema = node("randomizer", randomizerDataSchema);
export const handoverNodeSchema = node("handover", handoverDataSchema);
export const gotoNodeSchema = node("goto", gotoDataSchema);
export const noteNodeSchema = node("note", noteDataSchema);

export const flowNodeSchema = z.discriminatedUnion("type", [
  triggerNodeSchema,
  messageNodeSchema,
  inputNodeSchema,
  conditionNodeSchema,
  actionNodeSchema,
  delayNodeSchema,
  randomizerNodeSchema,
  handoverNodeSchema,
  gotoNodeSchema,
  noteNodeSchema,
]);

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

export const flowSchema = z
  .strictObject({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    id: flowIdSchema,
    name: z.string().min(1, "cannot be empty").max(120, "is too long (over 120 characters)"),
    description: shortTextSchema.optional(),
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
  });

export type Flow = z.infer<typeof flowSchema>;
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type NodeType = FlowNode["type"];
export type NodeOfType<T extends NodeType> = Extract<FlowNode, { type: T }>;
export type Edge = z.infer<typeof edgeSchema>;
export type Variable = z.infer<typeof variableSchema>;
export type Position = z.infer<typeof positionSchema>;

export const NODE_TYPES = flowNodeSchema.options.map((o) => o.shape.type.value) as NodeType[];
