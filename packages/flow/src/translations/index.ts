import type { FlowNode } from "../node-types";
import type { Flow } from "../schema";
import { nodeTexts } from "../texts";

export { LANGUAGE_PATTERN, languageSchema, languagesSchema, translationsSchema } from "./schema";

/** The translations an object holding texts carries: per language, per field. */
export type Translations = Record<string, Record<string, unknown>>;

/** One text a customer reads, with what it is in each of the flow's other languages. */
export interface TranslatableText {
  /**
   * Stable across edits and reorderings: the step's id, then the ids of the block, card, button,
   * quick reply or choice holding the text (`ask/intro/track`).
   */
  id: string;
  /** The field in its holder: `text`, `title`, `subtitle`, `question`, `retryText`. */
  field: string;
  /** Path of the text in the node (`data.content[0].buttons[1].title`). */
  path: string;
  /** Path of the object holding it and its `translations` (`data.content[0].buttons[1]`). */
  holderPath: string;
  /** The default language's text. */
  text: string;
  /** The text per other language, where one is given. */
  translations: Record<string, string>;
}

/** `data.content[0].title` → `["data", "content", 0, "title"]`. */
export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split(".")) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) continue;
    if (match[1]) out.push(match[1]);
    for (const index of (match[2] ?? "").matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value at `segments` inside `root`, or undefined. */
function valueAt(root: unknown, segments: readonly (string | number)[]): unknown {
  let at: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(at) && typeof segment === "number") at = at[segment];
    else if (isRecord(at) && typeof segment === "string") at = at[segment];
    else return undefined;
  }
  return at;
}

/** The stable id of the holder at `segments`: the node's id, then each list item's own id. */
function stableId(node: FlowNode, segments: readonly (string | number)[]): string {
  const parts = [node.id];
  let at: unknown = node;
  for (const segment of segments) {
    at = valueAt(at, [segment]);
    if (typeof segment === "number") {
      parts.push(isRecord(at) && typeof at.id === "string" ? at.id : String(segment));
    }
  }
  return parts.join("/");
}

/**
 * Every text of the node a customer reads, as its kind's `texts` marks them, with its stable id
 * and its translations. The editor, lint, the engine and the translators' CSV all read this.
 */
export function translationsOf(node: FlowNode): TranslatableText[] {
  const out: TranslatableText[] = [];
  for (const text of nodeTexts(node)) {
    if (!text.translatable) continue;
    const segments = pathSegments(text.path);
    const field = segments.at(-1);
    if (typeof field !== "string") continue;
    const holderSegments = segments.slice(0, -1);
    const holder = valueAt(node, holderSegments);
    const given = isRecord(holder) && isRecord(holder.translations) ? holder.translations : {};
    const translations: Record<string, string> = {};
    for (const [language, fields] of Object.entries(given)) {
      const value = isRecord(fields) ? fields[field] : undefined;
      if (typeof value === "string") translations[language] = value;
    }
    out.push({
      id: stableId(node, holderSegments),
      field,
      path: text.path,
      holderPath: text.path.slice(0, Math.max(0, text.path.length - field.length - 1)),
      text: text.text,
      translations,
    });
  }
  return out;
}

/**
 * A keyword trigger's keywords in each language, as a translator edits them: one row per trigger
 * (`start/0`, field `keywords`), the keywords joined by ", " (a keyword holds no comma: the
 * editor's chips split on it). The CSV and the editor's trigger form read this.
 */
export function keywordTranslationsOf(node: FlowNode): TranslatableText[] {
  if (node.type !== "trigger") return [];
  const out: TranslatableText[] = [];
  node.data.triggers.forEach((trigger, i) => {
    if (trigger.kind !== "keyword") return;
    const translations: Record<string, string> = {};
    for (const [language, fields] of Object.entries(trigger.translations ?? {})) {
      if (fields.keywords && fields.keywords.length > 0)
        translations[language] = joinKeywords(fields.keywords);
    }
    out.push({
      id: `${node.id}/${i}`,
      field: "keywords",
      path: `data.triggers[${i}].keywords`,
      holderPath: `data.triggers[${i}]`,
      text: joinKeywords(trigger.keywords),
      translations,
    });
  });
  return out;
}

export const joinKeywords = (keywords: readonly string[]) => keywords.join(", ");

/** `"commande, colis ,"` → `["commande", "colis"]`. */
export function splitKeywords(text: string): string[] {
  return text
    .split(",")
    .map((k) => k.trim())
    .filter((k) => k !== "");
}

/** The flow's default language (the first it declares). */
export function defaultLanguage(flow: Pick<Flow, "languages">): string {
  // Flows stored before version 2 have no list until they are migrated.
  return flow.languages?.[0] ?? "en";
}

/** `fr_BE`, `fr-CA`, `FR` → `fr`; undefined when it does not start with a language code. */
export function languageOfLocale(locale: string | undefined): string | undefined {
  const match = locale === undefined ? null : /^([A-Za-z]{2,3})(?:[_-]|$)/.exec(locale.trim());
  return match?.[1]?.toLowerCase();
}

/**
 * The language a contact gets in this flow: the language the contact chose (the contact field
 * `language`, set by a "set language" step or an agent) when the flow speaks it, else the
 * channel profile's locale (`fr_FR`, `fr_BE` → `fr`) when the flow speaks it, else the flow's
 * default.
 */
export function contactLanguage(
  flow: Pick<Flow, "languages">,
  fields: Readonly<Record<string, string>>,
): string {
  const languages = flow.languages ?? [];
  for (const candidate of [fields.language, fields.locale]) {
    const language = languageOfLocale(candidate);
    if (language !== undefined && languages.includes(language)) return language;
  }
  return defaultLanguage(flow);
}

/** The text of `field` on `holder` in `language`, the default text when it has none. */
export function textIn(holder: Readonly<Record<string, unknown>>, field: string, language: string) {
  const translations = holder.translations;
  const value = isRecord(translations) ? valueAt(translations, [language, field]) : undefined;
  return typeof value === "string" ? value : holder[field];
}

/** Nodes are plain JSON. */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const localized = new WeakMap<FlowNode, Map<string, FlowNode>>();

/**
 * The node as a contact speaking `language` sees it: every translated text in place of the
 * default one (a text without a translation stays the default). The same node when nothing
 * changes. Kept per node, so a flow is localized once per language (flows are immutable values).
 */
export function localizeNode<N extends FlowNode>(node: N, language: string): N {
  let byLanguage = localized.get(node);
  const known = byLanguage?.get(language);
  if (known) return known as N;
  let copy: N | undefined;
  for (const text of translationsOf(node)) {
    const value = text.translations[language];
    if (value === undefined) continue;
    copy ??= clone(node);
    const holder = valueAt(copy, pathSegments(text.holderPath));
    if (isRecord(holder)) holder[text.field] = value;
  }
  if (!byLanguage) {
    byLanguage = new Map();
    localized.set(node, byLanguage);
  }
  const result = copy ?? node;
  byLanguage.set(language, result);
  return result;
}

/** The flow in `language` (see `localizeNode`); the same flow for its default language. */
export function localizeFlow(flow: Flow, language: string): Flow {
  if (language === defaultLanguage(flow)) return flow;
  const nodes = flow.nodes.map((node) => localizeNode(node, language));
  return nodes.every((node, i) => node === flow.nodes[i]) ? flow : { ...flow, nodes };
}

/**
 * The node with `field` of the holder at `holderPath` given in `language` (`undefined`, `""` or
 * an empty list removes that translation). Returns a new node; the node given is not changed.
 */
export function withTranslation<N extends FlowNode>(
  node: N,
  holderPath: string,
  field: string,
  language: string,
  value: string | readonly string[] | undefined,
): N {
  const copy = clone(node);
  const holder = valueAt(copy, pathSegments(holderPath));
  if (!isRecord(holder)) return node;
  const translations: Translations = isRecord(holder.translations)
    ? (holder.translations as Translations)
    : {};
  const fields = { ...translations[language] };
  if (value === undefined || value.length === 0) delete fields[field];
  else fields[field] = value;
  if (Object.keys(fields).length > 0) translations[language] = fields;
  else delete translations[language];
  if (Object.keys(translations).length > 0) holder.translations = translations;
  else delete holder.translations;
  return copy;
}

/**
 * Calls `visit` with every `translations` object inside `value` and its path, so parsing can
 * refuse a language the flow does not declare wherever a kind keeps its translations.
 */
export function eachTranslations(
  value: unknown,
  path: (string | number)[],
  visit: (translations: Record<string, unknown>, path: (string | number)[]) => void,
): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      eachTranslations(item, [...path, i], visit);
    });
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (key === "translations" && isRecord(item)) visit(item, [...path, key]);
    else if (typeof item === "object" && item !== null)
      eachTranslations(item, [...path, key], visit);
  }
}
