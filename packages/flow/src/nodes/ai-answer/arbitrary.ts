import fc from "fast-check";
import { optional } from "../../testing/optional";
import type { NodeArbitrary } from "../../testing/vocabulary";

export const aiAnswerArbitrary: NodeArbitrary<"ai_answer"> = (w) =>
  fc.record({
    label: w.label,
    question: optional(w.text),
    entries: w.list(fc.record({ id: w.id, question: w.text, answer: w.text }), 3),
    text: optional(w.text),
    minScore: optional(fc.double({ min: 0, max: 5, noNaN: true })),
    tone: optional(fc.constantFrom("Friendly, short.", "Vouvoiement, ton chaleureux.")),
    variable: optional(w.variable),
    timeoutMs: optional(fc.integer({ min: 1_000, max: 60_000 })),
  });
