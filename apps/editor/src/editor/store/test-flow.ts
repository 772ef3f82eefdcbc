import type { Flow } from "@convo/flow";

/** A small flow for tests: a start, a question with two buttons, a reply. */
export function testFlow(): Flow {
  return {
    schemaVersion: 1,
    id: "test",
    name: "Test",
    variables: [],
    nodes: [
      {
        id: "start",
        type: "trigger",
        position: { x: 0, y: 0 },
        data: { triggers: [{ kind: "get_started" }] },
      },
      {
        id: "ask",
        type: "message",
        position: { x: 300, y: 0 },
        data: {
          content: [
            {
              id: "hello",
              kind: "text",
              text: "Hi! What do you need?",
              buttons: [
                { id: "track", kind: "postback", title: "Track" },
                { id: "shop", kind: "postback", title: "Shop" },
              ],
            },
          ],
        },
      },
      {
        id: "reply",
        type: "message",
        position: { x: 600, y: 0 },
        data: { content: [{ id: "ok", kind: "text", text: "OK" }] },
      },
    ],
    edges: [
      { id: "e1", source: "start", target: "ask" },
      { id: "e2", source: "ask", sourceHandle: "track", target: "reply" },
    ],
  };
}
