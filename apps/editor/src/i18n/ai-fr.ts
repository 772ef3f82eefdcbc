import type { AiMessageKey } from "./ai-en";
import type { Message } from "./plural";

/** The AI steps' words in French (see `ai-en.ts`). */
export const aiFr: Record<AiMessageKey, Message> = {
  "type.ai_answer": "Réponse IA",
  "type.intent": "Aiguillage par intention",
  "output.answered": "Répondu",
  "output.unsure": "Incertain",
  "ai.knowledgeSummary": "Répond à partir de {entries} questions de la FAQ.",
  "ai.knowledgeWithText": "Répond à partir de {entries} questions de la FAQ et d’un texte.",
  "ai.storedIn": "La réponse est enregistrée dans {name}, sans être envoyée.",
  "ai.tone": "Ton : {tone}",
  "intent.summary": {
    one: "{count} intention ; sous {confidence} % de confiance : Sinon.",
    other: "{count} intentions ; sous {confidence} % de confiance : Sinon.",
  },
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
