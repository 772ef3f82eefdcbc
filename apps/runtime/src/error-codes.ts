/**
 * Every `error.code` the runtime answers with, on any route (`{ error: { code, message } }`).
 * Clients word an error from its code in their reader's language (the editor has a French and an
 * English sentence for each, and a test holds it to this list), so a new code goes here first:
 * `ApiError` and `errorJson` take no other.
 */
export const ERROR_CODES = [
  // Any route
  "not_found",
  "internal",
  "http_error",
  "aborted",
  "invalid_json",
  "invalid_body",
  "invalid_query",
  "invalid_path",
  "too_large",
  // Who asks
  "unauthorized",
  "forbidden",
  "csrf_failed",
  "insufficient_scope",
  "invalid_credentials",
  "too_many_attempts",
  "invalid_link",
  "not_a_person",
  "wrong_password",
  "email_taken",
  "last_owner",
  // Flows: saving, importing, publishing
  "invalid_flow",
  "flow_exists",
  "revision_conflict",
  "lint_errors",
  "flow_clash",
  "not_published",
  // Secrets, HTTP steps, sandbox, live chat
  "invalid_name",
  "invalid_url",
  "not_sandbox",
  "webhook_refused",
  "taken",
  "resolved",
  // Settings
  "set_by_environment",
  // The events API
  "invalid_idempotency_key",
  "no_flow_for_event",
  "invalid_data",
  "unknown_contact",
  "batch_too_large",
  // The webhook (Meta calls it, not a person)
  "bad_signature",
  "invalid_webhook",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
