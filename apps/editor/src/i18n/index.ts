import type { FlowProblem } from "@convo/flow";
import { useMemo } from "react";
import { create } from "zustand";
import { en, type MessageKey } from "./en";
import { fr } from "./fr";

export type { MessageKey } from "./en";
export type Locale = "en" | "fr";
export const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, fr };
const LOCALE_KEY = "convo.locale";

/** The saved choice, else the browser's language, else English. */
export function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(LOCALE_KEY);
  if (saved === "en" || saved === "fr") return saved;
  const language = globalThis.navigator?.language ?? "en";
  return language.toLowerCase().startsWith("fr") ? "fr" : "en";
}

export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders; a placeholder without a value is left as written. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const text = CATALOGUES[locale][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}

/** A lint problem in the reader's language, from its stable `code` and `params`. */
export function problemText(locale: Locale, problem: FlowProblem): string {
  const key = `problem.${problem.code}`;
  if (!isMessageKey(key)) return problem.message;
  const text = translate(locale, key, problem.params);
  // A problem of some channels only: "WhatsApp: 4 buttons — sent as a list".
  const channels = problem.params?.channels;
  return channels === undefined ? text : `${channels}: ${text}`;
}

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

export const useLocale = create<LocaleState>((set) => ({
  locale: initialLocale(),
  setLocale: (locale) => {
    globalThis.localStorage?.setItem(LOCALE_KEY, locale);
    if (globalThis.document) document.documentElement.lang = locale;
    set({ locale });
  },
}));

export type Translate = (key: MessageKey, params?: Params) => string;

/** The translate function of the current language; components re-render when it changes. */
export function useT(): Translate {
  const locale = useLocale((s) => s.locale);
  return useMemo<Translate>(() => (key, params) => translate(locale, key, params), [locale]);
}
