/**
 * What went wrong with a Graph API call, and so what to do about it:
 * - `transient`: retry with backoff (codes 1, 2, 1200, HTTP 5xx, network errors, time-outs);
 * - `rate_limited`: retry later and slow the Page down (codes 4, 32, 613, HTTP 429);
 * - `outside_window`: the 24-hour window is closed and no tag applies (10 / 2018278);
 * - `user_unreachable`: the person cannot be messaged (551, 10 / 2018108);
 * - `bad_token`: the Page token is invalid or expired (190);
 * - `bad_request`: anything else Meta refused (100 and every other 4xx).
 * The last four are never retried.
 */
export type GraphErrorCategory =
  | "transient"
  | "rate_limited"
  | "outside_window"
  | "user_unreachable"
  | "bad_token"
  | "bad_request";

export interface GraphErrorDetails {
  category: GraphErrorCategory;
  message: string;
  /** HTTP status; undefined for network errors and time-outs. */
  status?: number;
  code?: number;
  subcode?: number;
  type?: string;
  fbtraceId?: string;
  /** How many attempts were made before giving up. */
  attempts?: number;
}

export class GraphError extends Error {
  readonly category: GraphErrorCategory;
  readonly status: number | undefined;
  readonly code: number | undefined;
  readonly subcode: number | undefined;
  readonly type: string | undefined;
  readonly fbtraceId: string | undefined;
  attempts: number;

  constructor(details: GraphErrorDetails, options?: { cause?: unknown }) {
    super(details.message, options);
    this.name = "GraphError";
    this.category = details.category;
    this.status = details.status;
    this.code = details.code;
    this.subcode = details.subcode;
    this.type = details.type;
    this.fbtraceId = details.fbtraceId;
    this.attempts = details.attempts ?? 1;
  }

  /** Whether trying the same call again can succeed. */
  get retryable(): boolean {
    return this.category === "transient" || this.category === "rate_limited";
  }
}

// WhatsApp Cloud API codes beside the Graph API's: 131000 something went wrong, 131016 service
// unavailable; 130429 throughput reached, 131048 spam rate limit, 131056 pair rate limit.
const TRANSIENT_CODES = new Set([1, 2, 1200, 131000, 131016]);
const RATE_LIMIT_CODES = new Set([4, 32, 613, 130429, 131048, 131056]);
/** 131047: more than 24 hours since the customer last wrote (re-engagement message). */
const OUTSIDE_WINDOW_CODES = new Set([131047]);
/** 131026: undeliverable (not on WhatsApp, old app, terms not accepted). */
const UNREACHABLE_CODES = new Set([551, 131026]);

/** Classifies a non-2xx answer from its status and body (Meta's `{ error: {…} }` or anything else). */
export function classifyGraphFailure(status: number, body: unknown): GraphError {
  const error = readErrorBody(body);
  const code = error?.code;
  const subcode = error?.error_subcode;
  const details = {
    status,
    message: error?.message ?? `Graph API answered HTTP ${status}`,
    ...(code === undefined ? {} : { code }),
    ...(subcode === undefined ? {} : { subcode }),
    ...(error?.type === undefined ? {} : { type: error.type }),
    ...(error?.fbtrace_id === undefined ? {} : { fbtraceId: error.fbtrace_id }),
  };
  return new GraphError({ ...details, category: categoryOf(status, code, subcode) });
}

function categoryOf(
  status: number,
  code: number | undefined,
  subcode: number | undefined,
): GraphErrorCategory {
  if (code !== undefined) {
    if (RATE_LIMIT_CODES.has(code)) return "rate_limited";
    if (TRANSIENT_CODES.has(code)) return "transient";
    if (code === 190) return "bad_token";
    if (UNREACHABLE_CODES.has(code) || (code === 10 && subcode === 2018108)) {
      return "user_unreachable";
    }
    if (OUTSIDE_WINDOW_CODES.has(code) || (code === 10 && subcode === 2018278)) {
      return "outside_window";
    }
  }
  if (status === 429) return "rate_limited";
  if (status >= 500) return "transient";
  return "bad_request";
}

interface ErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  fbtrace_id?: string;
}

function readErrorBody(body: unknown): ErrorBody | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== "object" || error === null) return undefined;
  const fields = error as Record<string, unknown>;
  const pick = <T>(key: string, type: "string" | "number"): T | undefined =>
    typeof fields[key] === type ? (fields[key] as T) : undefined;
  return {
    message: pick("message", "string"),
    type: pick("type", "string"),
    code: pick("code", "number"),
    error_subcode: pick("error_subcode", "number"),
    fbtrace_id: pick("fbtrace_id", "string"),
  };
}

/** A network failure or time-out: nothing came back, so it is worth another try. */
export function networkFailure(error: unknown, timedOut: boolean): GraphError {
  const reason = error instanceof Error ? error.message : String(error);
  return new GraphError(
    {
      category: "transient",
      message: timedOut ? "Graph API call timed out" : `network error: ${reason}`,
    },
    { cause: error },
  );
}
