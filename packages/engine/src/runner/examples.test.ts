import { readdirSync, readFileSync } from "node:fs";
import { EXAMPLES_DIR, examplePath, loadExamples } from "@convo/flow/testing/examples";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runConversation } from "./run-conversation";
import { parseScript } from "./script";

const flows = loadExamples();

/**
 * Examples whose scripts need a model (AI steps, intent triggers): `convo test` plays them
 * against the AI emulator (apps/runtime/src/cli/test.test.ts); here they would take `error`.
 */
const asksModel = (flow: (typeof flows)[number]) =>
  flow.nodes.some(
    (n) =>
      n.type === "ai_answer" ||
      n.type === "intent" ||
      (n.type === "trigger" && n.data.triggers.some((t) => t.kind === "intent")),
  );

describe("conversation scripts of examples/", () => {
  it("has a script for every example flow", () => {
    const scripts = readdirSync(EXAMPLES_DIR).filter((n) => n.endsWith(".conversation.yaml"));
    expect(scripts.sort()).toEqual(flows.map((f) => `${f.id}.conversation.yaml`).sort());
  });

  it.each(flows.filter((f) => !asksModel(f)).map((f) => [f.id]))(
    "%s passes its script",
    (flowId) => {
      const parsed = parseScript(
        parse(readFileSync(examplePath(`${flowId}.conversation.yaml`), "utf8")),
      );
      if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
      const report = runConversation({ flows, flowId, script: parsed.script });
      const failed = report.turns
        .filter((t) => !t.ok)
        .map((t) => `turn ${t.index} ${t.label}: ${t.problems.join(" ")}`);
      expect(failed).toEqual([]);
    },
  );
});
