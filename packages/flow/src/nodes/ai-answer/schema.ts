import { z } from "zod";
import { idSchema, labelSchema, nameSchema, shortTextSchema } from "../../common";

/** The ranges of the AI answer's fields, for the schema and the editor's form. */
export const AI_ANSWER_LIMITS = {
  /** FAQ entries in the knowledge base. */
  entries: { max: 500 },
  /** Characters of Markdown or plain text in the knowledge base. */
  text: { max: 200_000 },
  /** The BM25 score the best passage must reach, else `unsure` without calling the model. */
  minScore: { min: 0, max: 50 },
  /** How long the model may take to answer, in milliseconds. */
  timeoutMs: { min: 1_000, max: 60_000 },
  /** Characters of the brand's tone instruction. */
  tone: { max: 300 },
} as const;

/** How long a passage of the knowledge base is at most, in characters (entries, paragraphs). */
export const PASSAGE_MAX_CHARS = 500;
/** The passages sent to the model with the question. */
export const PASSAGES_SENT = 3;
/**
 * The BM25 score the best passage must reach when the step does not say: low enough that a
 * one-entry knowledge base answers (a word found in its only passage scores about 0.29), high
 * enough that a word found in every passage of a larger one does not (under 0.05 from 10 on).
 */
export const DEFAULT_MIN_SCORE = 0.2;
export const DEFAULT_AI_TIMEOUT_MS = 15_000;

export const faqEntrySchema = z.strictObject({
  id: idSchema,
  question: shortTextSchema,
  answer: shortTextSchema,
});

export const aiAnswerDataSchema = z.strictObject({
  label: labelSchema,
  /** What is asked, a template; the message the contact just sent when unset. */
  question: shortTextSchema.optional(),
  /** FAQ entries: each one is a passage. */
  entries: z.array(faqEntrySchema).max(AI_ANSWER_LIMITS.entries.max),
  /** Markdown or plain text pasted or uploaded: each paragraph is a passage. */
  text: z.string().max(AI_ANSWER_LIMITS.text.max).optional(),
  minScore: z
    .number()
    .min(AI_ANSWER_LIMITS.minScore.min)
    .max(AI_ANSWER_LIMITS.minScore.max)
    .optional(),
  /** The brand's tone, a short instruction to the model ("friendly, uses tu"). */
  tone: z.string().max(AI_ANSWER_LIMITS.tone.max).optional(),
  /** Stores the answer in this variable instead of sending it. */
  variable: nameSchema.optional(),
  timeoutMs: z
    .int()
    .min(AI_ANSWER_LIMITS.timeoutMs.min)
    .max(AI_ANSWER_LIMITS.timeoutMs.max)
    .optional(),
});
