import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Flow, parseFlowJson } from "@convo/flow";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runConversation } from "./run-conversation";
import { parseScript } from "./script";

const examples = join(import.meta.dirname, "../../../../examples");
const flows: Flow[] = readdirSync(examples)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => {
    const parsed = parseFlowJson(readFileSync(join(examples, name), "utf8"));
    if (!parsed.ok) throw new Error(`${name}: ${parsed.errors[0]?.message}`);
    return parsed.flow;
  });

describe("conversation scripts of examples/", () => {
  it("has a script for every example flow", () => {
    const scripts = readdirSync(examples).filter((n) => n.endsWith(".conversation.yaml"));
    expect(scripts.sort()).toEqual(flows.map((f) => `${f.id}.conversation.yaml`).sort());
  });

  it.each(flows.map((f) => [f.id]))("%s passes its script", (flowId) => {
    const parsed = parseScript(
      parse(readFileSync(join(examples, `${flowId}.conversation.yaml`), "utf8")),
    );
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    const report = runConversation({ flows, flowId, script: parsed.script });
    const failed = report.turns
      .filter((t) => !t.ok)
      .map((t) => `turn ${t.index} ${t.label}: ${t.problems.join(" ")}`);
    expect(failed).toEqual([]);
  });
});
