import type { z } from "zod";
import type { eventFieldSchema, eventTriggerSchema } from "./nodes/trigger/schema";
import type { Flow, FlowNode } from "./schema";

export type EventTrigger = z.infer<typeof eventTriggerSchema>;
export type EventField = z.infer<typeof eventFieldSchema>;

/** An event's data as the brand posts it: flat JSON values. */
export type EventData = Record<string, string | number | boolean>;

/** One problem with posted data: a JSON path into the request (`data.tracking_url`) and why. */
export interface EventDataProblem {
  path: string;
  message: string;
}

/** The event triggers of a flow, with the node they start at. */
export function eventTriggers(flow: Flow): { nodeId: string; trigger: EventTrigger }[] {
  const found: { nodeId: string; trigger: EventTrigger }[] = [];
  for (const node of flow.nodes as FlowNode[]) {
    if (node.type !== "trigger") continue;
    for (const trigger of node.data.triggers) {
      if (trigger.kind === "event") found.push({ nodeId: node.id, trigger });
    }
  }
  return found;
}

const isHttpUrl = (value: string) => /^https?:\/\/[^\s]+$/i.test(value);
const isDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value) &&
  !Number.isNaN(Date.parse(value));

/**
 * Checks posted data against the fields a trigger declares: each declared field has its type,
 * required ones are present, and nothing undeclared arrives (a typo in the brand's system would
 * otherwise send an empty `{{event.…}}`). `at` prefixes the paths (`data`, `events[3].data`).
 *
 * @example checkEventData(trigger.fields, { tracking_url: 42 }, "data")
 * // → [{ path: "data.tracking_url", message: "must be a URL (http or https)" }]
 */
export function checkEventData(
  fields: readonly EventField[],
  data: unknown,
  at = "data",
): EventDataProblem[] {
  if (data === undefined) data = {};
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return [{ path: at, message: "must be a JSON object" }];
  }
  const problems: EventDataProblem[] = [];
  const record = data as Record<string, unknown>;
  const declared = new Map(fields.map((f) => [f.name, f]));
  for (const key of Object.keys(record)) {
    if (!declared.has(key))
      problems.push({ path: `${at}.${key}`, message: "is not a declared field of this event" });
  }
  for (const field of fields) {
    const path = `${at}.${field.name}`;
    const value = Object.hasOwn(record, field.name) ? record[field.name] : undefined;
    if (value === undefined || value === null) {
      if (field.required) problems.push({ path, message: "is required" });
      continue;
    }
    const problem = typeProblem(field.type, value);
    if (problem) problems.push({ path, message: problem });
  }
  return problems;
}

function typeProblem(type: EventField["type"], value: unknown): string | undefined {
  switch (type) {
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? undefined : "must be a number";
    case "boolean":
      return typeof value === "boolean" ? undefined : "must be true or false";
    case "text":
      return typeof value === "string" && value.length <= 2000
        ? undefined
        : "must be a text of at most 2,000 characters";
    case "url":
      return typeof value === "string" && isHttpUrl(value)
        ? undefined
        : "must be a URL (http or https)";
    case "date":
      return typeof value === "string" && isDate(value)
        ? undefined
        : "must be a date (ISO 8601: 2026-05-01 or 2026-05-01T09:30:00Z)";
  }
}

/** The data as flow variable values (`event.<name>`), every value as text. */
export function eventVariables(data: EventData | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!data) return out;
  for (const [key, value] of Object.entries(data)) {
    Object.defineProperty(out, key, {
      value: String(value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
