import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Receivers refuse a signature older than this (a replayed delivery). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** A new endpoint's signing secret, shown once when the endpoint is made. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

/**
 * `X-Convo-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed with the
 * endpoint's secret. The time is signed too, so an old delivery cannot be replayed as new.
 *
 * @example signWebhook(secret, body, Math.floor(Date.now() / 1000)) // "t=1767225600,v1=5f2c…"
 */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * What a receiver does (the README shows it): the header's `t` within the tolerance, and one of
 * its `v1` equal, in constant time, to the HMAC of `"<t>.<raw body>"`.
 */
export function verifyWebhook(
  secret: string,
  body: string,
  header: string | undefined,
  nowSeconds: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  if (!header) return false;
  const parts = header.split(",").map((p) => p.trim().split("=", 2) as [string, string]);
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  return parts.some(([k, v]) => {
    if (k !== "v1" || !/^[0-9a-f]{64}$/.test(v ?? "")) return false;
    return timingSafeEqual(Buffer.from(v, "hex"), expected);
  });
}
