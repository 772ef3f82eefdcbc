// Rewrites apps/runtime/openapi.json and the editor's API types: `pnpm --filter @convo/runtime openapi`.
import { writeFileSync } from "node:fs";
import { documentText, editorTypesText, GENERATED } from "../src/api/openapi/generated";

writeFileSync(GENERATED.document, documentText());
writeFileSync(GENERATED.editorTypes, await editorTypesText());
process.stdout.write(`wrote ${GENERATED.document} and ${GENERATED.editorTypes}\n`);
