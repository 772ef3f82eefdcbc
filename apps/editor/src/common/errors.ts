import { ApiError, OfflineError } from "../api/client";
import type { ErrorCode } from "../api/types";
import { isMessageKey, type MessageKey, type Translate } from "../i18n";

/**
 * The words of every code the runtime answers with (the compiler names a new one), so that no
 * refusal reaches a French reader in the runtime's English. A code with issues gets them below,
 * each with its JSON path.
 */
const SERVER_ERRORS: Record<ErrorCode, MessageKey> = {
  not_found: "error.notFound",
  internal: "serverError.internal",
  http_error: "serverError.http_error",
  aborted: "serverError.aborted",
  invalid_json: "error.invalidJson",
  invalid_body: "serverError.invalid_body",
  invalid_query: "serverError.invalid_query",
  invalid_path: "serverError.invalid_path",
  too_large: "error.tooLarge",
  unauthorized: "error.unauthorized",
  forbidden: "serverError.forbidden",
  csrf_failed: "serverError.csrf_failed",
  insufficient_scope: "serverError.insufficient_scope",
  invalid_credentials: "serverError.invalid_credentials",
  too_many_attempts: "serverError.too_many_attempts",
  invalid_link: "serverError.invalid_link",
  not_a_person: "serverError.not_a_person",
  wrong_password: "serverError.wrong_password",
  email_taken: "serverError.email_taken",
  last_owner: "serverError.last_owner",
  invalid_flow: "error.invalidFlow",
  flow_exists: "error.flowExists",
  revision_conflict: "serverError.revision_conflict",
  lint_errors: "serverError.lint_errors",
  flow_clash: "error.flowClash",
  not_published: "serverError.not_published",
  invalid_name: "serverError.invalid_name",
  invalid_url: "serverError.invalid_url",
  not_sandbox: "serverError.not_sandbox",
  webhook_refused: "serverError.webhook_refused",
  taken: "serverError.taken",
  resolved: "serverError.resolved",
  invalid_idempotency_key: "serverError.invalid_idempotency_key",
  no_flow_for_event: "serverError.no_flow_for_event",
  invalid_data: "serverError.invalid_data",
  unknown_contact: "serverError.unknown_contact",
  bad_signature: "serverError.bad_signature",
  invalid_webhook: "serverError.invalid_webhook",
};

const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(SERVER_ERRORS, code);

/**
 * A failed request said in the reader's language, from its code, with the JSON path of each issue
 * as the detail; a code this editor does not know yet (a newer runtime) keeps the runtime's words.
 */
export function describeError(t: Translate, error: unknown): string {
  if (error instanceof OfflineError) return t("common.offline");
  if (error instanceof ApiError) {
    if (error.code === "flow_clash") return clashText(t, error);
    if (isErrorCode(error.code)) {
      return [t(SERVER_ERRORS[error.code]), ...issueLines(t, error)].join("\n");
    }
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
