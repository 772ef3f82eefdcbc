import { AI_FORM_WORDS } from "./ai-forms";
import { en } from "./en";
import { errorsEn } from "./errors-en";
import { errorsFr } from "./errors-fr";
import { flowsEn } from "./flows-en";
import { flowsFr } from "./flows-fr";
import { fr } from "./fr";
import { panelsEn } from "./panels-en";
import { panelsFr } from "./panels-fr";
import { type Message, messageForms } from "./plural";
import { teamEn } from "./team-en";
import { teamFr } from "./team-fr";

/**
 * Every catalogue in both languages, side by side, for the tests that read all the words at once
 * (the app itself loads each on its own, see `index.ts`). A new catalogue joins this list.
 */
export const ALL_CATALOGUES: {
  name: string;
  en: Record<string, Message>;
  fr: Record<string, Message>;
}[] = [
  { name: "main", en, fr },
  { name: "panels", en: panelsEn, fr: panelsFr },
  { name: "flows", en: flowsEn, fr: flowsFr },
  { name: "team", en: teamEn, fr: teamFr },
  { name: "errors", en: errorsEn, fr: errorsFr },
  { name: "ai-forms", en: AI_FORM_WORDS.en, fr: AI_FORM_WORDS.fr },
];

/** Each French wording with its key and its English wordings (a text by number has several). */
export function frenchTexts(): { key: string; fr: string; en: string }[] {
  return ALL_CATALOGUES.flatMap((c) =>
    Object.entries(c.fr).flatMap(([key, message]) =>
      messageForms(message).map((text) => ({
        key,
        fr: text,
        en: c.en[key] === undefined ? "" : messageForms(c.en[key]).join("\n"),
      })),
    ),
  );
}

/** Every wording of every catalogue, in both languages. */
export function allTexts(): { key: string; locale: "en" | "fr"; text: string }[] {
  return ALL_CATALOGUES.flatMap((c) =>
    (["en", "fr"] as const).flatMap((locale) =>
      Object.entries(c[locale]).flatMap(([key, message]) =>
        messageForms(message).map((text) => ({ key, locale, text })),
      ),
    ),
  );
}
