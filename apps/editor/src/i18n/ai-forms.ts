import { useMemo } from "react";
import { fillMessage, type Params, useLocale } from ".";
import type { Message } from "./plural";

/**
 * The AI steps' form words, apart from the main catalogues so that they load with the forms
 * (lazily, with the inspector), not with the canvas: opening a flow stays within its budget.
 */
const EN = {
  "ai.question": "Question",
  "ai.questionPlaceholder": "Empty: the message the contact just sent",
  "ai.entries": "FAQ",
  "ai.entry": "Question {n}",
  "ai.entryQuestion": "What customers ask",
  "ai.entryAnswer": "The brand's answer",
  "ai.text": "Knowledge base text (Markdown or plain text)",
  "ai.textPlaceholder": "Paste your help pages: each paragraph becomes a passage.",
  "ai.file": "Import a file (.md or .txt)",
  "ai.fileReplace": "Replace the text above (else the file is added after it)",
  "ai.fileImported": "{name} imported: each paragraph is a passage.",
  "ai.fileType": "{name} is not a Markdown (.md) or text (.txt) file: nothing was imported.",
  "ai.fileTooLarge":
    "{name} would make the knowledge base {chars} characters long, more than its {max}: nothing was imported.",
  "ai.fileTooLargeToRead":
    "{name} is too large: the knowledge base holds at most {max} characters. Nothing was imported.",
  "ai.toneField": "Tone",
  "ai.tonePlaceholder": "Friendly and short; uses “vous” in French",
  "ai.variable": "Store the answer in a variable instead of sending it",
  "ai.variablePlaceholder": "Empty: the answer is sent",
  "ai.minScore": "Minimum relevance (default {score}; below it: Unsure, without asking the model)",
  "ai.tryQuestion": "Test a question",
  "ai.tryPlaceholder": "Where do you deliver?",
  "ai.tryNothing": "Nothing relevant: the step goes Unsure without asking the model.",
  "ai.tryFound": "{count} of at most {max} passages sent to the model:",
  "ai.ask": "Ask the model",
  "ai.asking": "Asking the model…",
  "ai.askAnswered": "The model’s answer (the step goes Answered):",
  "ai.askUnsure": "The model was not sure: the step goes Unsure.",
  "ai.askError": "The model did not answer ({error}): the step goes Error.",
  "ai.askFailed": "The question could not be asked: {error}",
  "intent.intents": "Intents",
  "intent.intent": "Intent {n}",
  "intent.examples": "Example phrases, one a line (French and English)",
  "intent.examplesPlaceholder": "Where is my order?\nOù est ma commande ?",
  "intent.minConfidence": "Minimum confidence, 0 to 1 (default {confidence}; below it: Else)",
  "intent.triggerMinConfidence":
    "Minimum confidence, 0 to 1 (default {confidence}; below it: the default reply)",
} as const;

export type AiFormKey = keyof typeof EN;

const FR: Record<AiFormKey, Message> = {
  "ai.question": "Question",
  "ai.questionPlaceholder": "Vide : le message que le contact vient d’envoyer",
  "ai.entries": "FAQ",
  "ai.entry": "Question {n}",
  "ai.entryQuestion": "Ce que demandent les clients",
  "ai.entryAnswer": "La réponse de la marque",
  "ai.text": "Texte de la base de connaissances (Markdown ou texte brut)",
  "ai.textPlaceholder": "Collez vos pages d’aide : chaque paragraphe devient un passage.",
  "ai.file": "Importer un fichier (.md ou .txt)",
  "ai.fileReplace": "Remplacer le texte ci-dessus (sinon le fichier est ajouté à la suite)",
  "ai.fileImported": "{name} importé : chaque paragraphe est un passage.",
  "ai.fileType":
    "{name} n’est pas un fichier Markdown (.md) ou texte (.txt) : rien n’a été importé.",
  "ai.fileTooLarge":
    "Avec {name}, la base de connaissances ferait {chars} caractères, plus que ses {max} : rien n’a été importé.",
  "ai.fileTooLargeToRead":
    "{name} est trop volumineux : la base de connaissances contient au plus {max} caractères. Rien n’a été importé.",
  "ai.toneField": "Ton",
  "ai.tonePlaceholder": "Chaleureux et bref ; vouvoiement",
  "ai.variable": "Enregistrer la réponse dans une variable au lieu de l’envoyer",
  "ai.variablePlaceholder": "Vide : la réponse est envoyée",
  "ai.minScore":
    "Pertinence minimale (par défaut {score} ; en dessous : Incertain, sans interroger le modèle)",
  "ai.tryQuestion": "Tester une question",
  "ai.tryPlaceholder": "Où livrez-vous ?",
  "ai.tryNothing": "Rien de pertinent : l’étape passe par Incertain sans interroger le modèle.",
  "ai.tryFound": {
    one: "{count} passage (au plus {max}) envoyé au modèle :",
    other: "{count} passages (au plus {max}) envoyés au modèle :",
  },
  "ai.ask": "Interroger le modèle",
  "ai.asking": "Interrogation du modèle…",
  "ai.askAnswered": "La réponse du modèle (l’étape passe par Répondu) :",
  "ai.askUnsure": "Le modèle n’était pas sûr : l’étape passe par Incertain.",
  "ai.askError": "Le modèle n’a pas répondu ({error}) : l’étape passe par Erreur.",
  "ai.askFailed": "La question n’a pas pu être posée : {error}",
  "intent.intents": "Intentions",
  "intent.intent": "Intention {n}",
  "intent.examples": "Exemples de phrases, une par ligne (français et anglais)",
  "intent.examplesPlaceholder": "Où est ma commande ?\nWhere is my order?",
  "intent.minConfidence":
    "Confiance minimale, de 0 à 1 (par défaut {confidence} ; en dessous : Sinon)",
  "intent.triggerMinConfidence":
    "Confiance minimale, de 0 à 1 ({confidence} par défaut ; en dessous : la réponse par défaut)",
};

/** Both languages, for the tests over every French word. */
export const AI_FORM_WORDS = { en: EN, fr: FR };

/** `t` for the AI steps' forms, in the reader's language. */
export function useAiFormText(): (key: AiFormKey, params?: Params) => string {
  const locale = useLocale((s) => s.locale);
  return useMemo(() => {
    const catalogue = locale === "fr" ? FR : EN;
    return (key, params) => fillMessage(locale, catalogue[key], params);
  }, [locale]);
}
