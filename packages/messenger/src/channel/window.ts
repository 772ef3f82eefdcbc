import type { SendWindow, WindowPolicy, WindowVerdict } from "./types";

const HOUR = 3_600_000;

/**
 * Applies a channel's window policy to one message: a reply while the window is open, else the
 * message's tag if the channel allows it that long after the contact's last message, else a
 * refusal that says why in plain words. Browser-safe.
 *
 * @example
 * windowVerdict(MESSENGER_WINDOW, { lastUserMessageAt, now, tag: "HUMAN_AGENT" })
 * // → { ok: true } inside 24 h, { ok: true, tag: "HUMAN_AGENT" } up to 7 days, then a refusal
 */
export function windowVerdict<Tag extends string>(
  policy: WindowPolicy<Tag>,
  { lastUserMessageAt, now, tag }: SendWindow<Tag>,
): WindowVerdict<Tag> {
  const since = lastUserMessageAt === null ? Number.POSITIVE_INFINITY : now - lastUserMessageAt;
  if (since <= policy.responseMs) return { ok: true };
  const ago =
    lastUserMessageAt === null
      ? "The contact has never written"
      : `The contact last wrote ${Math.floor(since / HOUR)} hours ago`;
  const hours = Math.round(policy.responseMs / HOUR);
  if (tag === undefined) {
    return {
      ok: false,
      message: `${ago}; outside ${policy.channel}'s ${hours}-hour window a message needs ${policy.outsideNeeds}.`,
    };
  }
  const allowedFor: number | undefined = policy.tags[tag];
  if (allowedFor === undefined) {
    return { ok: false, message: `${ago}; ${policy.channel} does not take the ${tag} tag.` };
  }
  if (since > allowedFor) {
    const days = Math.round(allowedFor / (24 * HOUR));
    return {
      ok: false,
      message: `${ago}; the ${tag} tag only covers ${days} days after the contact's last message.`,
    };
  }
  return { ok: true, tag };
}
