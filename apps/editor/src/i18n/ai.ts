/**
 * The AI steps' words (answer from the knowledge base, route by intent), kept apart from the
 * main catalogues and spread into them: `en.ts` and `fr.ts` each hold one line for them.
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
  "intent.summary": "{count} intents; below {confidence} % confidence: Else.",
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

export const aiFr: Record<AiMessageKey, string> = {
  "type.ai_answer": "Réponse IA",
  "type.intent": "Aiguillage par intention",
  "output.answered": "Répondu",
  "output.unsure": "Incertain",
  "ai.knowledgeSummary": "Répond à partir de {entries} questions de la FAQ.",
  "ai.knowledgeWithText": "Répond à partir de {entries} questions de la FAQ et d’un texte.",
  "ai.storedIn": "La réponse est enregistrée dans {name}, sans être envoyée.",
  "ai.tone": "Ton : {tone}",
  "intent.summary": "{count} intentions ; sous {confidence} % de confiance : Sinon.",
  "test.noteAiAnswer": "Réponse IA → {result}",
  "test.noteAiIntent": "Intention → {result}",
  "problem.ai-knowledge-empty":
    "La base de connaissances est vide : collez la FAQ ou le texte d’où viennent les réponses.",
  "problem.ai-entry-empty": "Une question de la FAQ n’a pas de question ou pas de réponse.",
  "problem.ai-leads-nowhere":
    "Cette sortie ne mène nulle part : le client n’aurait pas de réponse.",
  "problem.intent-name-empty": "Une intention n’a pas de nom.",
  "problem.intent-no-examples":
    "L’intention « {intent} » n’a pas d’exemples : donnez-en quelques-uns, en français et en anglais.",
};
