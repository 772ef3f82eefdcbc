import { ApiError, OfflineError } from "../api/client";
import { isMessageKey, type Translate } from "../i18n";

/** A failed request said in the reader's language, with the JSON paths of an invalid document. */
export function describeError(t: Translate, error: unknown): string {
  if (error instanceof OfflineError) return t("common.offline");
  if (error instanceof ApiError) {
    if (error.code === "flow_exists") return t("error.flowExists");
    if (error.code === "not_found") return t("error.notFound");
    if (error.code === "flow_clash") return clashText(t, error);
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
