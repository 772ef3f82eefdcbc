import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodePayload, encodePayload, MAX_ENCODED_PAYLOAD } from "./payload";

describe("payloads", () => {
  it("encode flow, version, node and handle, and decode back", () => {
    const target = { flowId: "order-tracking", version: 3, nodeId: "ask", handle: "track" };
    expect(encodePayload(target)).toBe("cv1|order-tracking|3|ask|track");
    expect(decodePayload("cv1|order-tracking|3|ask|track")).toEqual(target);
  });

  it("round-trip for any valid ids and stay under Messenger's 1,000 bytes", () => {
    const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,63}$/),
        fc.nat(),
        id,
        id,
        (flowId, version, nodeId, handle) => {
          const target = { flowId, version, nodeId, handle };
          const encoded = encodePayload(target);
          expect(encoded.length).toBeLessThanOrEqual(MAX_ENCODED_PAYLOAD);
          expect(MAX_ENCODED_PAYLOAD).toBeLessThan(1000);
          expect(decodePayload(encoded)).toEqual(target);
        },
      ),
    );
  });

  it("does not take other payloads for ours", () => {
    for (const other of [
      "GET_STARTED",
      "cv1|x|1|a",
      "cv1|X|1|a|b",
      "cv1|x|-1|a|b",
      "cv1|x|1.5|a|b",
      "cv2|x|1|a|b",
      "cv1|x|1|a b|c",
    ]) {
      expect(decodePayload(other), other).toBeUndefined();
    }
  });
});
