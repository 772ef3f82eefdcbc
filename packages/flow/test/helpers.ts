import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Flow, parseFlow } from "../src";

export const EXAMPLES_DIR = join(import.meta.dirname, "../../../examples");
export const EXAMPLE_IDS = ["welcome", "order-tracking", "lead-capture", "support"] as const;

export function exampleText(id: string): string {
  return readFileSync(join(EXAMPLES_DIR, `${id}.json`), "utf8");
}

export function loadExample(id: string): Flow {
  const result = parseFlow(JSON.parse(exampleText(id)));
  if (!result.ok) throw new Error(`example ${id} does not parse: ${JSON.stringify(result.errors)}`);
  return result.flow;
}

/** A small valid flow: start → ask (message with a button and a quick reply) → two answers. */
export function smallFlow(): Flow {
  return {
    schemaVersion: 1,
    id: "small",
    name: "Small",
    variables: [{ name: "city", type: "text" }],
    nodes: [
      {
        id: "start",
        type: "trigger",
        position: { x: 0, y: 0 },
        data: { triggers: [{ kind: "keyword", match: "contains", keywords: ["hello"] }] },
      },
      {
        id: "ask",
        type: "message",
        position: { x: 300, y: 0 },
        data: {
          content: [
            {
              id: "t1",
              kind: "text",
              text: "Where are you?",
              buttons: [{ id: "paris", kind: "postback", title: "Paris" }],
            },
          ],
          quickReplies: [{ id: "lyon", title: "Lyon" }],
        },
      },
      {
        id: "city-input",
        type: "input",
        position: { x: 600, y: 0 },
        data: { question: "Which city?", variable: "city", validation: { kind: "text" } },
      },
      {
        id: "bye",
        type: "message",
        position: { x: 900, y: 0 },
        data: { content: [{ id: "t1", kind: "text", text: "See you in {{city}}!" }] },
      },
    ],
    edges: [
      { id: "e1", source: "start", target: "ask" },
      { id: "e2", source: "ask", sourceHandle: "paris", target: "bye" },
      { id: "e3", source: "ask", sourceHandle: "lyon", target: "city-input" },
      { id: "e4", source: "city-input", target: "bye" },
    ],
  };
}
