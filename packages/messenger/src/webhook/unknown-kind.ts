import type { InboundEvent } from "./types";

/** Keys every item or entry has: they say nothing about what the event is. */
const FRAME_KEYS = new Set(["sender", "recipient", "timestamp", "id", "time"]);
const PLAIN = /^[a-z][a-z0-9_-]{0,47}$/i;

/**
 * A short, stable name for what an `unknown` event is, for a metric label and a log line: the
 * field that names it (`message_edit`, `game_play`, `messaging_feedback`), `other_account` for an
 * entry of another Page, `malformed_<field>` for a known field that could not be read, else
 * `other`. Never longer than 48 characters and only `[a-z0-9_-]`, whatever the body says.
 */
export function unknownKind(event: Extract<InboundEvent, { kind: "unknown" }>): string {
  const { reason } = event;
  if (reason.startsWith("entry for ")) return "other_account";
  const malformed = /^malformed (\S+)$/.exec(reason)?.[1];
  if (malformed !== undefined) return plain(`malformed_${malformed}`);
  if (reason.endsWith("sent by the Page itself")) return "from_page";
  const raw = event.raw;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return "other";
  for (const key of Object.keys(raw)) {
    if (FRAME_KEYS.has(key)) continue;
    return plain(key);
  }
  return "other";
}

function plain(name: string): string {
  return PLAIN.test(name) ? name.toLowerCase().replaceAll("-", "_") : "other";
}
