import type { Session } from "./types";

/** The session of a contact who never talked to the bot. */
export function initialSession(): Session {
  return { v: 1, variables: {}, variants: {}, seq: 0 };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A session as stored may come from an older build or a bug; anything that is not a version-1
 * session starts over rather than breaking the step.
 */
export function readSession(session: unknown): Session {
  if (!isRecord(session) || session.v !== 1) return initialSession();
  const variables = isRecord(session.variables) ? (session.variables as Session["variables"]) : {};
  const variants = isRecord(session.variants) ? (session.variants as Session["variants"]) : {};
  const seq =
    typeof session.seq === "number" && Number.isSafeInteger(session.seq) ? session.seq : 0;
  const out: Session = { v: 1, variables, variants, seq };
  if (isRecord(session.waiting) && typeof session.waiting.kind === "string") {
    out.waiting = session.waiting as unknown as Session["waiting"];
  }
  return out;
}
