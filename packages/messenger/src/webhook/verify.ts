import { createHmac, timingSafeEqual } from "node:crypto";
import type { ChallengeQuery, ChallengeResult } from "../channel/types";

export type { ChallengeQuery, ChallengeResult } from "../channel/types";

/**
 * The webhook subscription handshake: answer 200 with `challenge` as the body when `ok`, else 403.
 *
 * @example
 * const result = verifyChallenge(c.req.query(), env.MESSENGER_VERIFY_TOKEN);
 * return result.ok ? c.text(result.challenge) : c.text("forbidden", 403);
 */
export function verifyChallenge(query: ChallengeQuery, verifyToken: string): ChallengeResult {
  const mode = query["hub.mode"];
  const token = query["hub.verify_token"];
  const challenge = query["hub.challenge"];
  if (mode !== "subscribe" || typeof token !== "string" || typeof challenge !== "string") {
    return { ok: false };
  }
  if (verifyToken === "" || !equalInConstantTime(token, verifyToken)) return { ok: false };
  return { ok: true, challenge };
}

/** Meta signs with `sha256=` followed by 64 lowercase hex digits. */
const SIGNATURE_HEADER = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks `X-Hub-Signature-256` against the HMAC-SHA256 of the raw request bytes. It must run on
 * the bytes as received: re-serialised JSON (other spacing, escaped non-ASCII) has another digest.
 */
export function verifySignature(
  rawBody: Uint8Array,
  header: string | undefined | null,
  appSecret: string,
): boolean {
  if (!header || appSecret === "") return false;
  const match = SIGNATURE_HEADER.exec(header.trim());
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1].toLowerCase(), "hex");
  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The header value Meta would send for `rawBody`; for tests and the emulator's webhook sender. */
export function signBody(rawBody: Uint8Array | string, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`;
}

function equalInConstantTime(a: string, b: string): boolean {
  // Compare digests so the length of the secret does not leak through an early return.
  const left = createHmac("sha256", "convo").update(a).digest();
  const right = createHmac("sha256", "convo").update(b).digest();
  return timingSafeEqual(left, right);
}
