import { describe, expect, it } from "vitest";
import { kindOf } from "../nodes";
import type { Flow } from "../schema";
import { testChannel } from "../testing";
import { lintFlow } from ".";
import { knownContactFields, knownTags, knownVariables } from "./known-names";

const pos = { x: 0, y: 0 };
/** A question stores `email` (declared nowhere else), a message reads it, an action tags. */
const flow: Flow = {
  schemaVersion: 2,
  languages: ["en"],
  id: "f",
  name: "F",
  variables: [{ name: "plan", type: "text", default: "free" }],
  nodes: [
    {
      id: "start",
      type: "trigger",
      position: pos,
      data: { triggers: [{ kind: "keyword", match: "contains", keywords: ["hi"] }] },
    },
    {
      id: "ask",
      type: "input",
      position: pos,
      data: { question: "Your email?", variable: "email", validation: { kind: "text" } },
    },
    {
      id: "tag",
      type: "action",
      position: pos,
      data: {
        steps: [
          { kind: "add_tag", tag: "lead" },
          { kind: "set_field", field: "company", value: "{{plan}}" },
        ],
      },
    },
    {
      id: "bye",
      type: "message",
      position: pos,
      data: { content: [{ id: "t", kind: "text", text: "Thanks, {{email}}!" }] },
    },
  ],
  edges: [
    { id: "e1", source: "start", target: "ask" },
    { id: "e2", source: "ask", target: "tag" },
    { id: "e3", source: "tag", target: "bye" },
  ],
};

describe("variables, tags and fields without bookkeeping", () => {
  it("a question step declares its variable itself", () => {
    expect(lintFlow(flow, { channel: testChannel })).toEqual([]);
    expect(knownVariables(flow)).toEqual(["plan", "email"]);
  });

  it("a misspelt read is still caught", () => {
    const typo = structuredClone(flow);
    const bye = typo.nodes[3];
    if (bye?.type === "message" && bye.data.content[0]?.kind === "text")
      bye.data.content[0].text = "Thanks, {{emial}}!";
    expect(lintFlow(typo, { channel: testChannel }).map((p) => p.code)).toEqual([
      "variable-undeclared",
    ]);
  });

  it("offers the tags and contact fields the flow uses", () => {
    expect(knownTags(flow)).toEqual(["lead"]);
    expect(knownContactFields(flow)).toEqual(["company"]);
  });

  it("a new condition starts empty, reading no variable that does not exist", () => {
    const data = kindOf("condition").create((p) => `${p}-1`);
    expect(data).toEqual({ branches: [{ id: "branch-1", match: "all", rules: [] }] });
  });
});
