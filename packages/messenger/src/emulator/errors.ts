/** Meta's error body: `{ error: { message, type, code, error_subcode, fbtrace_id } }`. */
export interface GraphErrorBody {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    fbtrace_id: string;
  };
}

export interface GraphFailure {
  status: number;
  body: GraphErrorBody | string;
}

/** The faults the emulator can be told to produce, named by Meta's code (or HTTP status). */
export type FaultCode =
  | 500
  | 503
  | 1
  | 2
  | 1200
  | 4
  | 32
  | 613
  | 551
  | 2018278
  | 2018108
  | 190
  | 100;

let traceCounter = 0;

function traceId(): string {
  traceCounter += 1;
  return `AEmu${traceCounter.toString(36).padStart(7, "0")}`;
}

/**
 * Meta's error body. `type` is `OAuthException` for most refusals (parameters, tokens, limits)
 * and `GraphMethodException` for a call Graph cannot carry out (an object that does not exist,
 * a missing or wrong `appsecret_proof`).
 */
export function graphError(
  status: number,
  code: number,
  message: string,
  subcode?: number,
  type: "OAuthException" | "GraphMethodException" = "OAuthException",
): GraphFailure {
  return {
    status,
    body: {
      error: {
        message,
        type,
        code,
        ...(subcode === undefined ? {} : { error_subcode: subcode }),
        fbtrace_id: traceId(),
      },
    },
  };
}

/** What Meta answers for each fault, messages as the Send API error reference words them. */
export function faultResponse(code: FaultCode): GraphFailure {
  switch (code) {
    case 500:
    case 2:
      return graphError(
        500,
        2,
        "An unexpected error has occurred. Please retry your request later.",
      );
    case 503:
      // A proxy in front of Graph answers in plain text: the client must cope with a non-JSON body.
      return { status: 503, body: "Service Unavailable" };
    case 1:
      return graphError(500, 1, "An unknown error occurred", 99);
    case 1200:
      return graphError(500, 1200, "Temporary send message failure. Please try again later.");
    case 4:
      return graphError(400, 4, "(#4) Application request limit reached");
    case 32:
      return graphError(400, 32, "(#32) Page request limit reached");
    case 613:
      return graphError(400, 613, "(#613) Calls to this api have exceeded the rate limit.");
    case 551:
      return graphError(400, 551, "(#551) This person isn't available right now.", 1545041);
    case 2018278:
      return graphError(
        400,
        10,
        "(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview",
        2018278,
      );
    case 2018108:
      return graphError(
        400,
        10,
        "(#10) This person isn't receiving messages from you right now.",
        2018108,
      );
    case 190:
      return invalidToken();
    case 100:
      return graphError(400, 100, "(#100) Invalid parameter");
    default:
      return assertNever(code);
  }
}

/** What Graph answers for an id it cannot read: `GraphMethodException`, code 100, subcode 33. */
export function unsupportedGet(id: string): GraphFailure {
  return graphError(
    400,
    100,
    `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    33,
    "GraphMethodException",
  );
}

export function invalidToken(): GraphFailure {
  return graphError(400, 190, "Invalid OAuth access token - Cannot parse access token");
}

function assertNever(value: never): never {
  throw new Error(`unknown fault ${String(value)}`);
}
