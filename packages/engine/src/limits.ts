/** Guards that keep one step small and finite, whatever the flow or the contact sends. */
export const ENGINE_LIMITS = {
  /** Node visits per event; a loop of non-waiting nodes stops here with a `step_limit` error. */
  nodeVisits: 200,
  /** Characters kept in a variable or contact field value. */
  variableValue: 2_000,
  /** Characters of an incoming text the engine looks at (matching, validation, storing). */
  incomingText: 5_000,
  /** Characters a `matches` rule tests; longer subjects are cut to this. */
  matchSubject: 1_000,
  /** Characters of a rendered text message, when the channel's limits are not given. */
  outgoingText: 2_000,
  /** Characters of an external id a step remembers (the events API takes up to this). */
  externalId: 200,
  /** Characters of a rendered HTTP body. */
  httpBody: 20_000,
} as const;

/** Cuts a text to `max` characters without splitting a surrogate pair. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end);
}

/**
 * Shortens a rendered text to the channel's `max` with an ellipsis (unchanged without one). A
 * template can make a title longer than the marketer drew it (a long first name); the channel
 * would refuse the whole message.
 */
export function fitText(text: string, max: number | undefined): string {
  if (max === undefined || text.length <= max) return text;
  return `${capText(text, max - 1).trimEnd()}…`;
}
