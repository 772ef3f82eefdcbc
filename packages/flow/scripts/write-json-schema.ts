// Regenerates flow.schema.json from the zod schema: `pnpm --filter @convo/flow schema`.
import { writeFileSync } from "node:fs";
import { flowJsonSchemaText } from "../src/json-schema";

writeFileSync(new URL("../flow.schema.json", import.meta.url), flowJsonSchemaText());
process.stdout.write("wrote packages/flow/flow.schema.json\n");
