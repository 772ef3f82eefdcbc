import type { Flow, NodeOfType, Rule, ValueOperator } from "@convo/flow";
import { compileSafePattern } from "@convo/flow";
import { capText, ENGINE_LIMITS } from "../limits";
import { type Next, own, type Run } from "../run";
import { foldCase } from "../text";
import type { FlowRef } from "../types";
import type { EngineNodeKind } from "./kind";

/** The first branch whose rules hold (all or any) leaves through its handle; otherwise `else`. */
function runCondition(run: Run, ref: FlowRef, node: NodeOfType<"condition">): Next {
  for (const branch of node.data.branches) {
    if (branchHolds(run, ref.flow, branch.match === "all", branch.rules)) {
      return run.leave(ref, node.id, branch.id);
    }
  }
  return run.leave(ref, node.id, "else");
}

export const conditionNode: EngineNodeKind<"condition"> = { visit: runCondition };

function branchHolds(run: Run, flow: Flow, all: boolean, rules: readonly Rule[]): boolean {
  for (const rule of rules) {
    if (ruleHolds(run, flow, rule) !== all) return !all;
  }
  return all;
}

function ruleHolds(run: Run, flow: Flow, rule: Rule): boolean {
  switch (rule.kind) {
    case "tag":
      return run.tags.has(rule.tag) === (rule.op === "has");
    case "variable":
      return compare(rule.op, run.variable(flow, rule.name), run.render(flow, rule.value ?? ""));
    case "contact":
      return compare(rule.op, own(run.fields, rule.field), run.render(flow, rule.value ?? ""));
  }
}

/** A number as people write it: "12", "-3.5", "3,5", "1 000". */
export function parseNumber(text: string): number | undefined {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * Compares a subject (a variable or contact field; `undefined` when unset) with a rendered value.
 * Text compares case- and accent-insensitively; two numbers compare as numbers ("12,5" equals
 * "12.50"), except codes written with a leading zero, which compare as text.
 */
export function compare(op: ValueOperator, subject: string | undefined, value: string): boolean {
  const present = subject !== undefined && subject.trim() !== "";
  switch (op) {
    case "is_set":
      return present;
    case "is_empty":
      return !present;
    case "equals":
      return present && same(subject, value);
    case "not_equals":
      return !present || !same(subject, value);
    case "contains":
      return present && foldCase(subject).includes(foldCase(value));
    case "not_contains":
      return !present || !foldCase(subject).includes(foldCase(value));
    case "starts_with":
      return present && foldCase(subject).startsWith(foldCase(value));
    case "greater_than":
    case "less_than": {
      if (!present) return false;
      const order = ordering(subject, value);
      if (order === undefined) return false;
      return op === "greater_than" ? order > 0 : order < 0;
    }
    case "matches": {
      if (subject === undefined) return false;
      const pattern = compileSafePattern(value);
      if (!pattern) return false;
      return pattern.test(capText(subject, ENGINE_LIMITS.matchSubject));
    }
  }
}

/** "01000", "0612345678", "007": digits with a leading zero are a code (postal, phone, order). */
const CODE = /^\s*0\d/;

function same(a: string, b: string): boolean {
  if (!CODE.test(a) && !CODE.test(b)) {
    const x = parseNumber(a);
    const y = x === undefined ? undefined : parseNumber(b);
    if (x !== undefined && y !== undefined) return x === y;
  }
  return foldCase(a) === foldCase(b);
}

/** Numbers numerically, ISO dates by date; anything else cannot be ordered. */
function ordering(a: string, b: string): number | undefined {
  const x = parseNumber(a);
  const y = parseNumber(b);
  if (x !== undefined && y !== undefined) return x - y;
  const da = a.trim();
  const db = b.trim();
  if (ISO_DATE.test(da) && ISO_DATE.test(db)) return da < db ? -1 : da > db ? 1 : 0;
  return undefined;
}
