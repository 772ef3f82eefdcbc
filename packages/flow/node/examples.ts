/**
 * Reading a folder of example flows (`@convo/flow/examples`): the runtime seeds a fresh database
 * from the repository's `examples/` with it, and `@convo/flow/testing/examples` loads the same
 * folder for tests and benchmarks. Node only (it reads files), so it sits outside `src/`, which
 * the browser loads.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type ParseResult, parseFlowJson } from "../src";

/** The ids of the example flows in `dir` (their `.json` file names), sorted. */
export function exampleIdsIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .sort();
}

/** Each example flow of `dir`, in id order, parsed (or the reasons it does not parse). */
export function readExampleFlows(dir: string): { file: string; result: ParseResult }[] {
  return exampleIdsIn(dir).map((id) => {
    const file = `${id}.json`;
    return { file, result: parseFlowJson(readFileSync(join(dir, file), "utf8")) };
  });
}
