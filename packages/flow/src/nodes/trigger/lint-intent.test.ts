import { describe, expect, it } from "vitest";
import { lintFlow } from "../../lint";
import type { Flow } from "../../schema";
import { makeFlow, makeNode, testChannel } from "../../testing";

const intentTrigger = (name: string, examples: string[]): Flow =>
  makeFlow(
    "hours",
    [
      makeNode("start", "trigger", { triggers: [{ kind: "intent", name, examples }] }),
      makeNode("say", "message", { content: [{ id: "say-t", kind: "text", text: "9 to 7." }] }),
    ],
    [["start", "say"]],
  );

const problems = (flow: Flow) =>
  lintFlow(flow, { channel: testChannel }).filter((p) => p.code.startsWith("intent-"));

describe("the intent trigger's lint", () => {
  it("passes with a name and example phrases", () => {
    expect(problems(intentTrigger("Hours", ["When are you open?", "Vous ouvrez quand ?"]))).toEqual(
      [],
    );
  });

  it("is an error without examples, or with blank ones only", () => {
    for (const examples of [[], [" ", ""]]) {
      const found = problems(intentTrigger("Hours", examples));
      expect(found.map((p) => [p.code, p.severity])).toEqual([["intent-no-examples", "error"]]);
    }
  });

  it("is an error without a name", () => {
    const found = problems(intentTrigger(" ", ["When are you open?"]));
    expect(found.map((p) => [p.code, p.severity])).toEqual([["intent-name-empty", "error"]]);
  });
});
