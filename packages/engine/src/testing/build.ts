import type { Contact, EngineAction, StepContext } from "../types";

// The flow builders live with the flow format; the engine's testing helpers hand them on.
export { type EdgeSpec, makeFlow, makeNode } from "@convo/flow/testing";

/** A context at a fixed time (2025-06-01T12:00:00Z) with an anonymous English contact. */
export function makeContext(overrides: Partial<StepContext> = {}): StepContext {
  const contact: Contact = overrides.contact ?? {
    fields: { first_name: "Ada", locale: "en_GB" },
    tags: [],
  };
  return { now: Date.UTC(2025, 5, 1, 12), seed: 1, version: 1, ...overrides, contact };
}

/** The texts of the `send` actions, in order (cards by title, media by URL). */
export function sentTexts(actions: readonly EngineAction[]): string[] {
  const texts: string[] = [];
  for (const action of actions) {
    if (action.type !== "send") continue;
    const m = action.message;
    if (m.kind === "text") texts.push(m.text);
    else if (m.kind === "media") texts.push(m.url);
    else texts.push(m.cards.map((c) => c.title).join(" | "));
  }
  return texts;
}
