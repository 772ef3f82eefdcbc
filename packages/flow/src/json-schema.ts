import { z } from "zod";
import { CURRENT_SCHEMA_VERSION, flowSchema } from "./schema";

/** The JSON Schema of a flow file, generated from the zod schema (committed as flow.schema.json). */
export function flowJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(flowSchema, { target: "draft-2020-12", io: "input" });
  return {
    ...schema,
    $id: "https://convo.dev/schemas/flow.schema.json",
    title: "Convo flow",
    description: `A Messenger conversation drawn in Convo (schema version ${CURRENT_SCHEMA_VERSION}).`,
  };
}

/** The committed text of flow.schema.json. */
export function flowJsonSchemaText(): string {
  return `${JSON.stringify(flowJsonSchema(), null, 2)}\n`;
}
