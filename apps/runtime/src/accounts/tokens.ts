import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 32 random bytes, base64url: a session's cookie, an invite's link, a CSRF token. */
export const newToken = () => randomBytes(32).toString("base64url");

/** What the database keeps of a token: its SHA-256 (a leaked table holds no usable token). */
export const tokenDigest = (token: string) => createHash("sha256").update(token).digest("hex");

/** Equal strings, compared in constant time (on digests, so the length does not leak either). */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
