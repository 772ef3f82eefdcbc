import { ApiError, OfflineError } from "../api/client";
import type { ErrorCode } from "../api/types";
import { isMessageKey, type MessageKey, type Translate } from "../i18n";

/**
 * The codes worded by the main catalogue (the screens met them first); every other code the
 * runtime answers with is `serverError.<code>` (`errors-en.ts`, loaded at the first refusal). A
 * test holds the two to the runtime's `ERROR_CODES`, so no refusal reaches a French reader in
 * the runtime's English.
 */
const MAIN_WORDS: Partial<Record<ErrorCode, MessageKey>> = {
  not_found: "error.notFound",
  invalid_json: "error.invalidJson",
  too_large: "error.tooLarge",
  unauthorized: "error.unauthorized",
  invalid_flow: "error.invalidFlow",
  flow_exists: "error.flowExists",
};

/** The words of a code, or null for one this editor does not know (a newer runtime). */
function wordsOf(code: string): MessageKey | null {
  const key =
    (Object.hasOwn(MAIN_WORDS, code) && MAIN_WORDS[code as ErrorCode]) || `serverError.${code}`;
  return isMessageKey(key) ? key : null;
}

/**
 * A failed request said in the reader's language, from its code, with the JSON path of each issue
 * as the detail; a code this editor does not know yet (a newer runtime) keeps the runtime's words.
 */
export function describeError(t: Translate, error: unknown): string {
  if (error instanceof OfflineError) return t("common.offline");
  if (error instanceof ApiError) {
    if (error.code === "flow_clash") return clashText(t, error);
    const words = wordsOf(error.code);
    if (words) return [t(words), ...issueLines(t, error)].join("\n");
    if (error.status === 401) return t("error.unauthorized");
    const issues = error.issues.map((i) => `${i.path}: ${i.message}`);
    return [t("error.server", { message: error.message }), ...issues].join("\n");
  }
  return error instanceof Error ? error.message : String(error);
}

/** A refused publish or resume: which live flow answers the same thing, in the reader's words. */
function clashText(t: Translate, error: ApiError): string {
  const first = error.problems[0];
  const key = `problem.${first?.code ?? ""}`;
  const detail = first && isMessageKey(key) ? t(key, first.params) : error.message;
  return t("error.flowClash", { other: String(first?.params?.other ?? ""), detail });
}

const TYPES = ["string", "number", "boolean", "array", "object", "null", "nothing"] as const;

/** A type as a marketer says it ("text", "a list"), from the code the runtime gives. */
function typeWord(t: Translate, type: unknown): string {
  const known = TYPES.find((k) => k === type);
  return known ? t(`importType.${known}`) : String(type);
}

/**
 * What the runtime found wrong, one line an issue: worded from its code in the reader's language
 * where it has one (an imported flow's issues do), else in the runtime's sentence; its JSON path
 * as the detail.
 */
function issueLines(t: Translate, error: ApiError): string[] {
  const lines = error.issues.slice(0, 10).map((issue) => {
    const key = `importIssue.${issue.code ?? ""}`;
    // A minimum ("at least 2 items") also picks the plural form of its sentence.
    const params = {
      ...issue.params,
      ...(issue.params?.min !== undefined && { count: issue.params.min }),
    };
    if ("expected" in params) params.expected = typeWord(t, params.expected);
    if ("got" in params) params.got = typeWord(t, params.got);
    const text = isMessageKey(key) ? t(key, params) : issue.message;
    return `• ${text} (${t("error.where", { path: issue.path })})`;
  });
  if (error.issues.length > 10) lines.push(t("error.more", { count: error.issues.length - 10 }));
  return lines;
}
