import { NAME_PATTERN } from "../../common";
import { templateReferences } from "../../template";
import type { HttpStep } from "../../types";

/**
 * The values an HTTP step's "Test request" asks for: every reference its address, headers and
 * body use, in order, except `{{secrets.*}}` (the server fills those, and never shows them).
 */
export function sampleNames(step: HttpStep): string[] {
  const texts = [step.url, ...(step.headers ?? []).flatMap((h) => [h.name, h.value])];
  if (step.body !== undefined && step.method !== "GET") texts.push(step.body);
  const names = new Set<string>();
  for (const text of texts) {
    for (const ref of templateReferences(text)) {
      if (ref.namespace !== "secrets") names.add(ref.name);
    }
  }
  return [...names];
}

/** The samples kept for the names the step still uses, without empty ones; undefined if none. */
export function keptSamples(
  step: HttpStep,
  samples: Readonly<Record<string, string>>,
): Record<string, string> | undefined {
  const kept: Record<string, string> = {};
  for (const name of sampleNames(step)) {
    const value = samples[name];
    if (value !== undefined && value !== "") kept[name] = value;
  }
  return Object.keys(kept).length === 0 ? undefined : kept;
}

/**
 * The mappings once a value of the answer is picked at `path`: it fills the first mapping
 * without a path, or comes as a new one stored into a variable named after its last key
 * (`status`, `status_2` when taken).
 */
export function pickMapping(
  mappings: readonly { path: string; variable: string }[],
  path: string,
): { path: string; variable: string }[] {
  const empty = mappings.findIndex((m) => m.path.trim() === "");
  if (empty >= 0) return mappings.map((m, i) => (i === empty ? { ...m, path } : m));
  if (mappings.some((m) => m.path === path)) return [...mappings];
  // The last key, past any list indexes: `items[0]` is named `items`, `["order id"]` `order_id`.
  const last = /(?:^|\.)([^.[\]]+)$|\["([^"]*)"\]$/.exec(path.replace(/(\[-?\d+\])+$/, ""));
  const key = (last?.[1] ?? last?.[2] ?? "").replace(/[^A-Za-z0-9_]+/g, "_").slice(0, 60);
  const base = NAME_PATTERN.test(key) ? key : "result";
  let variable = base;
  for (let n = 2; mappings.some((m) => m.variable === variable); n++) variable = `${base}_${n}`;
  return [...mappings, { path, variable }];
}
