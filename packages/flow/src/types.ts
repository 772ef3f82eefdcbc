import type { z } from "zod";
import type { actionStepSchema, httpStepSchema } from "./nodes/action/schema";
import type { branchSchema, ruleSchema, valueOperatorSchema } from "./nodes/condition/schema";
import type { choiceSchema, validationSchema } from "./nodes/input/schema";
import type {
  buttonSchema,
  cardSchema,
  contentBlockSchema,
  quickReplySchema,
  sendAsSchema,
} from "./nodes/message/schema";
import type { variantSchema } from "./nodes/randomizer/schema";
import type { keywordMatchSchema, triggerSchema } from "./nodes/trigger/schema";

export type Trigger = z.infer<typeof triggerSchema>;
export type KeywordMatch = z.infer<typeof keywordMatchSchema>;
export type SendAs = z.infer<typeof sendAsSchema>;
export type Button = z.infer<typeof buttonSchema>;
export type QuickReply = z.infer<typeof quickReplySchema>;
export type Card = z.infer<typeof cardSchema>;
export type ContentBlock = z.infer<typeof contentBlockSchema>;
export type Validation = z.infer<typeof validationSchema>;
export type Choice = z.infer<typeof choiceSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type ValueOperator = z.infer<typeof valueOperatorSchema>;
export type Branch = z.infer<typeof branchSchema>;
export type ActionStep = z.infer<typeof actionStepSchema>;
export type HttpStep = z.infer<typeof httpStepSchema>;
export type Variant = z.infer<typeof variantSchema>;
