/**
 * The AI steps' words (answer from the knowledge base, route by intent), kept apart from the
 * main catalogues and spread into them: `en.ts` and `fr.ts` each hold one line for them. One file
 * a language, so that each reader downloads their own words only.
 */
export const aiEn = {
  "type.ai_answer": "AI answer",
  "type.intent": "Route by intent",
  "output.answered": "Answered",
  "output.unsure": "Unsure",
  "ai.knowledgeSummary": "Answers from {entries} FAQ entries.",
  "ai.knowledgeWithText": "Answers from {entries} FAQ entries and a text.",
  "ai.storedIn": "The answer is stored in {name}, not sent.",
  "ai.tone": "Tone: {tone}",
  "intent.summary": {
    one: "{count} intent; below {confidence} % confidence: Else.",
    other: "{count} intents; below {confidence} % confidence: Else.",
  },
  "test.noteAiAnswer": "AI answer → {result}",
  "test.noteAiIntent": "Intent → {result}",
  "problem.ai-knowledge-empty":
    "The knowledge base is empty: paste the FAQ or the text the answers come from.",
  "problem.ai-entry-empty": "A question of the FAQ has no question or no answer.",
  "problem.ai-leads-nowhere": "This output leads nowhere: the customer would get no answer.",
  "problem.intent-name-empty": "An intent has no name.",
  "problem.intent-no-examples":
    'The intent "{intent}" has no example phrases: give a few, in French and English.',
} as const;

export type AiMessageKey = keyof typeof aiEn;
