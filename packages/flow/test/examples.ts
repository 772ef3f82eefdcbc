/**
 * The repository's `examples/`, for tests, benchmarks and scripts (`@convo/flow/testing/examples`).
 * Node only (it reads files), so it sits outside `src/` and out of `@convo/flow/testing`, which
 * the browser can load.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { exampleIdsIn } from "../node/examples";
import { type Flow, parseFlowJson } from "../src";

/** The `examples/` folder at the repository's root. */
export const EXAMPLES_DIR = join(import.meta.dirname, "../../../examples");

/** The path of a file in `examples/`, e.g. `support.conversation.yaml`. */
export function examplePath(file: string): string {
  return join(EXAMPLES_DIR, file);
}

/** The ids of the example flows (their `.json` file names), sorted. */
export function exampleIds(): string[] {
  return exampleIdsIn(EXAMPLES_DIR);
}

/** The text of an example flow, as committed. */
export function exampleText(id: string): string {
  return readFileSync(examplePath(`${id}.json`), "utf8");
}

/** An example flow, parsed; throws when it is not a valid flow. */
export function loadExample(id: string): Flow {
  const result = parseFlowJson(exampleText(id));
  if (!result.ok) throw new Error(`example ${id} does not parse: ${JSON.stringify(result.errors)}`);
  return result.flow;
}

/** Every example flow, parsed, in id order. */
export function loadExamples(): Flow[] {
  return exampleIds().map(loadExample);
}
