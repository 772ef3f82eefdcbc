import type { z } from "zod";
import type { positionSchema } from "./common";
import type { actionDataSchema } from "./nodes/action/schema";
import type { aiAnswerDataSchema } from "./nodes/ai-answer/schema";
import type { conditionDataSchema } from "./nodes/condition/schema";
import type { delayDataSchema } from "./nodes/delay/schema";
import type { gotoDataSchema } from "./nodes/goto/schema";
import type { handoverDataSchema } from "./nodes/handover/schema";
import type { inputDataSchema } from "./nodes/input/schema";
import type { intentDataSchema } from "./nodes/intent/schema";
import type { messageDataSchema } from "./nodes/message/schema";
import type { noteDataSchema } from "./nodes/note/schema";
import type { notifyDataSchema } from "./nodes/notify/schema";
import type { randomizerDataSchema } from "./nodes/randomizer/schema";
import type { triggerDataSchema } from "./nodes/trigger/schema";

/**
 * The node types of version 1 and the data each one holds, from each type's `schema.ts`. Every
 * record of node kinds is keyed by these types (`NODE_KINDS` here, the engine's and the editor's),
 * so a type added here and missing from a record is a compile error there. Types only: the
 * records hold the values, this map just breaks the circle between a record and the node type it
 * describes.
 */
export interface NodeDataByType {
  trigger: z.infer<typeof triggerDataSchema>;
  message: z.infer<typeof messageDataSchema>;
  input: z.infer<typeof inputDataSchema>;
  ai_answer: z.infer<typeof aiAnswerDataSchema>;
  condition: z.infer<typeof conditionDataSchema>;
  intent: z.infer<typeof intentDataSchema>;
  action: z.infer<typeof actionDataSchema>;
  delay: z.infer<typeof delayDataSchema>;
  randomizer: z.infer<typeof randomizerDataSchema>;
  handover: z.infer<typeof handoverDataSchema>;
  notify: z.infer<typeof notifyDataSchema>;
  goto: z.infer<typeof gotoDataSchema>;
  note: z.infer<typeof noteDataSchema>;
}

export type NodeType = keyof NodeDataByType;
export type NodeData<T extends NodeType> = NodeDataByType[T];
export type Position = z.infer<typeof positionSchema>;

interface NodeShape<T extends NodeType> {
  id: string;
  type: T;
  position: Position;
  data: NodeData<T>;
}

/** A node of one type, as the flow document holds it (of a union of types: the union of nodes). */
export type NodeOfType<T extends NodeType> = T extends NodeType ? NodeShape<T> : never;

/** A node of any type: a union on `type`. */
export type FlowNode = NodeOfType<NodeType>;
