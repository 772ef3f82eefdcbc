import { AI_FORM_WORDS } from "./ai-forms";
import { en } from "./en";
import { fr } from "./fr";
import { panelsEn } from "./panels-en";
import { panelsFr } from "./panels-fr";
import { teamEn } from "./team-en";
import { teamFr } from "./team-fr";

/**
 * Every catalogue in both languages, side by side, for the tests that read all the words at once
 * (the app itself loads each on its own, see `index.ts`). A new catalogue joins this list.
 */
export const ALL_CATALOGUES: {
  name: string;
  en: Record<string, string>;
  fr: Record<string, string>;
}[] = [
  { name: "main", en, fr },
  { name: "panels", en: panelsEn, fr: panelsFr },
  { name: "team", en: teamEn, fr: teamFr },
  { name: "ai-forms", en: AI_FORM_WORDS.en, fr: AI_FORM_WORDS.fr },
];

/** Each French text with its key and its English counterpart. */
export function frenchTexts(): { key: string; fr: string; en: string }[] {
  return ALL_CATALOGUES.flatMap((c) =>
    Object.entries(c.fr).map(([key, text]) => ({ key, fr: text, en: c.en[key] ?? "" })),
  );
}
