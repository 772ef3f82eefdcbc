import { useMemo } from "react";
import { create } from "zustand";
import type { MessageKey as MainKey } from "./en";
import type { ErrorMessageKey } from "./errors-en";
import type { FlowsMessageKey } from "./flows-en";
import type { PanelMessageKey } from "./panels-en";
import { type Message, pluralForm } from "./plural";
import type { TeamMessageKey } from "./team-en";

/**
 * A text's key: the main catalogue's, the settings screens' or the later panels' (each of those
 * load with their screens).
 */
export type MessageKey =
  | MainKey
  | PanelMessageKey
  | TeamMessageKey
  | ErrorMessageKey
  | FlowsMessageKey;
export type Locale = "en" | "fr";
type Catalogue = Partial<Record<MessageKey, Message>>;

/**
 * Each language's words load on their own, when the reader first needs them: nobody downloads
 * the language they do not read (each is some 10 KB gzip, and grows with every feature).
 */
const LOADERS: Record<Locale, () => Promise<Catalogue>> = {
  en: () => import("./en").then((m) => m.en),
  fr: () => import("./fr").then((m) => m.fr),
};
const loaded: Partial<Record<Locale, Catalogue>> = {};
/** Words some screens bring with them, each in every language, loaded once asked for. */
const EXTRAS: Record<Locale, () => Promise<Catalogue>>[] = [];

/** Loads a language's words; `translate` in that language waits for nothing after it. */
export async function loadCatalogue(locale: Locale): Promise<void> {
  const main = loaded[locale] ?? (await LOADERS[locale]());
  const extras = await Promise.all(EXTRAS.map((words) => words[locale]()));
  // Merged into what is there by then: words another call added meanwhile stay.
  loaded[locale] = Object.assign({}, main, loaded[locale], ...extras);
}

const TEAM_WORDS: Record<Locale, () => Promise<Catalogue>> = {
  en: () => import("./team-en").then((m) => m.teamEn),
  fr: () => import("./team-fr").then((m) => m.teamFr),
};

/**
 * The settings screens' words (some 2 KB gzip a language), in the reader's language now and in
 * any they switch to later; the screens load with them, so nobody else downloads them.
 */
export function loadTeamWords(): Promise<void> {
  return loadWords(TEAM_WORDS);
}

const PANEL_WORDS: Record<Locale, () => Promise<Catalogue>> = {
  en: () => import("./panels-en").then((m) => m.panelsEn),
  fr: () => import("./panels-fr").then((m) => m.panelsFr),
};

/**
 * The words of the screens that open after the canvas: the inspector and its forms, the test
 * panel, versions, live chat, secrets, the other tabs and the overlays (some 6 KB gzip a
 * language, see `panels-en.ts`). Those screens load with them.
 */
export function loadPanelWords(): Promise<void> {
  return loadWords(PANEL_WORDS);
}

const FLOWS_WORDS: Record<Locale, () => Promise<Catalogue>> = {
  en: () => import("./flows-en").then((m) => m.flowsEn),
  fr: () => import("./flows-fr").then((m) => m.flowsFr),
};

/** The list of flows' words (some 1 KB gzip a language): they load with the list. */
export function loadFlowsWords(): Promise<void> {
  return loadWords(FLOWS_WORDS);
}

const ERROR_WORDS: Record<Locale, () => Promise<Catalogue>> = {
  en: () => import("./errors-en").then((m) => m.errorsEn),
  fr: () => import("./errors-fr").then((m) => m.errorsFr),
};

/**
 * The runtime's error codes in words (some 1 KB gzip a language), loaded by the API client before
 * it hands over its first refused request: a session without one never downloads them.
 */
export function loadErrorWords(): Promise<void> {
  return loadWords(ERROR_WORDS);
}

async function loadWords(words: Record<Locale, () => Promise<Catalogue>>): Promise<void> {
  if (!EXTRAS.includes(words)) EXTRAS.push(words);
  await loadCatalogue(useLocale.getState().locale);
}
const LOCALE_KEY = "convo.locale";

/** The saved choice, else the browser's language, else English. */
export function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(LOCALE_KEY);
  if (saved === "en" || saved === "fr") return saved;
  const language = globalThis.navigator?.language ?? "en";
  return language.toLowerCase().startsWith("fr") ? "fr" : "en";
}

export type Params = Record<string, string | number>;

/**
 * Fills `{name}` placeholders; a placeholder without a value is left as written. A text by number
 * takes the wording for `params.count`.
 */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  // Before its words have loaded (only tests call that early), a text shows its key.
  return fillMessage(locale, loaded[locale]?.[key] ?? key, params);
}

/** A message's wording for these params (its plural form for `count`), placeholders filled. */
export function fillMessage(locale: Locale, message: Message, params?: Params): string {
  const text = pluralForm(locale, message, params?.count);
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.values(loaded).some((catalogue) => key in catalogue);
}

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

export const useLocale = create<LocaleState>((set) => ({
  locale: initialLocale(),
  setLocale: (locale) => {
    globalThis.localStorage?.setItem(LOCALE_KEY, locale);
    // The switch happens once the language's words are here, so no screen shows keys.
    void loadCatalogue(locale).then(() => {
      if (globalThis.document) document.documentElement.lang = locale;
      set({ locale });
    });
  },
}));

export type Translate = (key: MessageKey, params?: Params) => string;

/** The translate function of the current language; components re-render when it changes. */
export function useT(): Translate {
  const locale = useLocale((s) => s.locale);
  return useMemo<Translate>(() => (key, params) => translate(locale, key, params), [locale]);
}
