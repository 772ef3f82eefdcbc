import { createHmac, timingSafeEqual } from "node:crypto";
import { type GraphFailure, graphError, invalidToken } from "./errors";

export interface AccessRules {
  /** When set, every call must carry this `access_token`; otherwise any non-empty token passes. */
  pageToken?: string | undefined;
  /** When set, every call must carry `appsecret_proof` = HMAC-SHA256(access_token, appSecret). */
  appSecret?: string | undefined;
}

/** Tokens whose expected proof is kept; a test suite uses one or two, a fuzzer could use many. */
const MAX_REMEMBERED_TOKENS = 1_000;

/**
 * Checks the token and the appsecret_proof of each call as Graph does. The expected proof of a
 * token is computed once and remembered: an HMAC per call was a large share of the emulator's cost
 * under load. Both comparisons stay constant time.
 */
export function createAccessCheck(
  rules: AccessRules,
): (query: Record<string, string>, badToken: boolean) => GraphFailure | undefined {
  const pageToken = rules.pageToken === undefined ? undefined : Buffer.from(rules.pageToken);
  const { appSecret } = rules;
  const proofs = new Map<string, Buffer>();

  function expectedProof(secret: string, token: string): Buffer {
    let proof = proofs.get(token);
    if (proof === undefined) {
      if (proofs.size >= MAX_REMEMBERED_TOKENS) proofs.clear();
      proof = Buffer.from(createHmac("sha256", secret).update(token).digest("hex"));
      proofs.set(token, proof);
    }
    return proof;
  }

  return (query, badToken) => {
    const token = query.access_token;
    if (!token) {
      return graphError(
        400,
        2500,
        "An active access token must be used to query information about the current user.",
      );
    }
    if (badToken || (pageToken !== undefined && !equalInConstantTime(token, pageToken)))
      return invalidToken();
    if (appSecret !== undefined) {
      const given = query.appsecret_proof;
      if (!given) {
        return graphError(
          400,
          100,
          "API calls from the server require an appsecret_proof argument",
          undefined,
          "GraphMethodException",
        );
      }
      if (!equalInConstantTime(given, expectedProof(appSecret, token))) {
        return graphError(
          400,
          100,
          "Invalid appsecret_proof provided in the API argument",
          undefined,
          "GraphMethodException",
        );
      }
    }
    return undefined;
  };
}

/** Compares without an early exit; a length mismatch still costs one full comparison. */
function equalInConstantTime(given: string, expected: Buffer): boolean {
  const bytes = Buffer.from(given);
  if (bytes.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(bytes, expected);
}
