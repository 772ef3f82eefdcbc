import { describe, expect, it } from "vitest";
import { readEvents } from "./sse";

describe("readEvents", () => {
  it("reads named events, skips heartbeats, and keeps an unfinished block", () => {
    const { events, rest } = readEvents(
      'event: ready\ndata: {}\n\n: heartbeat\n\nevent: message\ndata: {"psid":"1"}\n\nevent: opened\ndata: {"ps',
    );
    expect(events).toEqual([
      { event: "ready", data: "{}" },
      { event: "message", data: '{"psid":"1"}' },
    ]);
    expect(rest).toBe('event: opened\ndata: {"ps');
    expect(readEvents(`${rest}id"}\n\n`).events).toEqual([{ event: "opened", data: '{"psid"}' }]);
  });

  it("joins data lines, reads CRLF, and names an unnamed event `message`", () => {
    expect(readEvents("data: a\r\ndata: b\r\n\r\n").events).toEqual([
      { event: "message", data: "a\nb" },
    ]);
  });
});
