import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WHATSAPP_FIXTURES } from "./fixtures";
import { parseWhatsAppWebhook } from "./webhook";

/** Replaces one value somewhere in a JSON tree by an arbitrary one. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [step, ...rest] = path as [number, ...number[]];
  if (Array.isArray(value) && value.length > 0) {
    const copy = [...value];
    const i = step % copy.length;
    copy[i] = mutate(copy[i], rest, replacement);
    return copy;
  }
  if (typeof value === "object" && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 0) return replacement;
    const key = keys[step % keys.length] as string;
    return { ...value, [key]: mutate((value as Record<string, unknown>)[key], rest, replacement) };
  }
  return replacement;
}

describe("parseWhatsAppWebhook never throws", () => {
  it("on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        const result = parseWhatsAppWebhook(body);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 500 },
    );
  });

  it("on Meta's bodies with one value anywhere replaced; every event keeps a dedupe key", () => {
    const bodies = Object.values(WHATSAPP_FIXTURES);
    fc.assert(
      fc.property(
        fc.constantFrom(...bodies),
        fc.array(fc.nat(20), { maxLength: 8 }),
        fc.jsonValue(),
        (body, path, replacement) => {
          const result = parseWhatsAppWebhook(mutate(body, path, replacement));
          if (result.ok) {
            for (const event of result.events) {
              expect(event.dedupeKey.length).toBeGreaterThan(0);
              expect(event.platform).toBe("whatsapp");
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
