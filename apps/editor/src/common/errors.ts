import { ApiError, OfflineError } from "../api/client";
import { isMessageKey, type Translate } from "../i18n";

/** A failed request said in the reader's language, with the JSON paths of an invalid document. */
export function describeError(t: Translate, error: unknown): string {
  if (error instanceof OfflineError) return t("common.offline");
  if (error instanceof ApiError) {
    if (error.code === "flow_exists") return t("error.flowExists");
    if (error.code === "not_found") return t("error.notFound");
    if (error.code === "flow_clash") return clashText(t, error);
    if (error.code === "invalid_flow") return invalidFlowText(t, error);
    if (error.code === "invalid_json") return t("error.invalidJson");
    if (error.code === "too_large") return t("error.tooLarge");
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
 * An imported file the runtime refused: each issue worded from its code in the reader's language,
 * its JSON path as the detail; an issue without a known code keeps the runtime's sentence.
 */
function invalidFlowText(t: Translate, error: ApiError): string {
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
  return [t("error.invalidFlow"), ...lines].join("\n");
}
