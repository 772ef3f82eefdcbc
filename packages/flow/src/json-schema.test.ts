import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { flowJsonSchemaText } from "./json-schema";

describe("flow.schema.json", () => {
  it("is the schema generated from the zod schema (run `pnpm --filter @convo/flow schema` when this fails)", () => {
    const committed = readFileSync(join(import.meta.dirname, "../flow.schema.json"), "utf8");
    expect(committed).toBe(flowJsonSchemaText());
  });

  it("describes every node type and refuses unknown fields", () => {
    const schema = JSON.parse(flowJsonSchemaText());
    const nodeTypes = schema.properties.nodes.items.oneOf.map(
      (option: { properties: { type: { const: string } } }) => option.properties.type.const,
    );
    expect(nodeTypes).toEqual([
      "trigger",
      "message",
      "input",
      "ai_answer",
      "condition",
      "intent",
      "action",
      "delay",
      "randomizer",
      "handover",
      "notify",
      "goto",
      "note",
    ]);
    expect(schema.additionalProperties).toBe(false);
  });
});
