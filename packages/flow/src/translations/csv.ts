import type { FlowNode } from "../node-types";
import type { Flow } from "../schema";
import {
  defaultLanguage,
  joinKeywords,
  keywordTranslationsOf,
  splitKeywords,
  translationsOf,
  withTranslation,
} from ".";
import { LANGUAGE_PATTERN } from "./schema";

/** Spreadsheets read a CSV as UTF-8 only when it starts with the byte order mark. */
const BOM = "\uFEFF";

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Rows as RFC 4180 text: CRLF between records, quotes where needed. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return `${BOM}${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** Reads RFC 4180 text (a BOM, CRLF or LF, quoted fields with `""`); `undefined` if a quote is left open. */
export function readCsv(text: string): string[][] | undefined {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (quoted) return undefined;
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** What a translator translates in a node: the texts a customer reads, then trigger keywords. */
const translatable = (node: FlowNode) => [...translationsOf(node), ...keywordTranslationsOf(node)];

/**
 * Every text a customer reads in the flow, for a translator into `language`: columns `id` (stable:
 * step, block, button ids), `field`, the default text (headed by the default language) and the
 * translation (headed by `language`; filled where the flow has one). A keyword trigger is one row
 * (field `keywords`), its keywords separated by commas.
 *
 * @example translationsCsv(flow, "de") // "\uFEFFid,field,fr,de\r\nask/intro,text,Bonjour !,\r\n"
 */
export function translationsCsv(flow: Flow, language: string): string {
  const rows: string[][] = [["id", "field", defaultLanguage(flow), language]];
  for (const node of flow.nodes) {
    for (const text of translatable(node)) {
      rows.push([text.id, text.field, text.text, text.translations[language] ?? ""]);
    }
  }
  return writeCsv(rows);
}

export interface TranslationsImport {
  /** The flow with the file's translations, the language added to `languages` if it was not there. */
  flow: Flow;
  language: string;
  /** Translations set, changed or (an empty cell) removed. */
  changed: { id: string; field: string; from?: string; to?: string }[];
  /** Rows whose text no longer exists in the flow: reported, not applied. */
  unknown: { line: number; id: string; field: string }[];
  /** Rows whose default text changed since the export: applied, worth a second look. */
  staleDefault: { line: number; id: string; field: string }[];
}

/**
 * Puts a translator's file (as `translationsCsv` wrote it) back into the flow. Rows that name a
 * text the flow no longer has are reported in `unknown` and not applied. Exporting the result
 * again gives the same file, byte for byte.
 */
export function importTranslationsCsv(
  flow: Flow,
  csv: string,
): TranslationsImport | { error: string } {
  const rows = readCsv(csv);
  if (!rows) return { error: "The file has a quote left open: it is not a CSV file." };
  const [header, ...body] = rows;
  const language = header?.[3]?.trim() ?? "";
  if (header?.[0] !== "id" || header[1] !== "field" || header.length < 4) {
    return { error: 'The first line should be "id,field,<default language>,<language>".' };
  }
  if (!LANGUAGE_PATTERN.test(language)) {
    return { error: `"${language}" (the fourth column's title) is not a language code like de.` };
  }
  if (language === defaultLanguage(flow)) {
    return {
      error: `"${language}" is the flow's default language; its texts are edited in the flow.`,
    };
  }
  const nodes = [...flow.nodes];
  const where = new Map<
    string,
    { node: number; holderPath: string; text: string; current?: string }
  >();
  nodes.forEach((node, n) => {
    for (const text of translatable(node)) {
      where.set(`${text.id}\u0000${text.field}`, {
        node: n,
        holderPath: text.holderPath,
        text: text.text,
        current: text.translations[language],
      });
    }
  });
  const result: TranslationsImport = { flow, language, changed: [], unknown: [], staleDefault: [] };
  body.forEach((row, r) => {
    const [id = "", field = "", text = "", target = ""] = row;
    const line = r + 2;
    if (id === "" && row.length <= 1) return;
    const found = where.get(`${id}\u0000${field}`);
    const node = found && nodes[found.node];
    if (!found || !node) {
      result.unknown.push({ line, id, field });
      return;
    }
    if (text !== found.text) result.staleDefault.push({ line, id, field });
    // Keywords are compared as the list they make ("a,b" is "a, b").
    const given = field === "keywords" ? joinKeywords(splitKeywords(target)) : target;
    const to = given === "" ? undefined : given;
    if (to === found.current) return;
    const value = field === "keywords" && to !== undefined ? splitKeywords(to) : to;
    nodes[found.node] = withTranslation(node, found.holderPath, field, language, value);
    result.changed.push({
      id,
      field,
      ...(found.current === undefined ? {} : { from: found.current }),
      ...(to === undefined ? {} : { to }),
    });
  });
  const languages = flow.languages.includes(language)
    ? flow.languages
    : [...flow.languages, language];
  if (result.changed.length > 0 || languages !== flow.languages) {
    result.flow = { ...flow, languages, nodes };
  }
  return result;
}
