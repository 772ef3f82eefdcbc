import type { VariableUses } from "../kind";
import type { FlowNode } from "../node-types";
import { kindOf } from "../nodes";
import { joinPath } from "../problems";
import type { Flow } from "../schema";
import { type TemplateReference, templateReferences } from "../template";
import { nodeTexts } from "../texts";
import type { ProblemList } from "./context";
import { lintSecretPlace } from "./secrets";

/** A `{{…}}` in one of a step's texts, and that text's path in the step. */
export interface NodeReference {
  path: string;
  ref: TemplateReference;
}

const NONE: readonly NodeReference[] = [];

/**
 * Every `{{…}}` a step's texts hold, read once per lint for the variable, secret and event rules
 * (each walked the texts and matched the template pattern on its own before). A sticky note's text
 * is not a template.
 */
export function nodeReferences(node: FlowNode): readonly NodeReference[] {
  if (kindOf(node.type).role === "annotation") return NONE;
  let found: NodeReference[] | undefined;
  for (const { path, text } of nodeTexts(node)) {
    for (const ref of templateReferences(text)) {
      found ??= [];
      found.push({ path, ref });
    }
  }
  return found ?? NONE;
}

interface Read {
  name: string;
  nodeIndex: number;
  path: string;
}

/**
 * Variables read but never declared, or declared but never given a value. A step that stores
 * into a variable (a question, "set variable", an HTTP mapping) declares it.
 */
export function lintVariables(
  flow: Flow,
  references: readonly (readonly NodeReference[])[],
  problems: ProblemList,
): void {
  const declared = new Set(flow.variables.map((v) => v.name));
  const assigned = new Set(
    flow.variables.filter((v) => v.default !== undefined).map((v) => v.name),
  );
  const reads: Read[] = [];

  let at = 0;
  // A step that stores into a variable declares it and gives it a value; what a step reads is
  // judged once every step has been seen.
  const uses: VariableUses = {
    read: (name, path) => reads.push({ name, nodeIndex: at, path }),
    write: (name) => {
      assigned.add(name);
      declared.add(name);
    },
  };
  flow.nodes.forEach((node, nodeIndex) => {
    const kind = kindOf(node.type);
    // A sticky note's text is not a template.
    if (kind.role === "annotation") return;
    at = nodeIndex;
    for (const { path, ref } of references[nodeIndex] ?? NONE) {
      if (ref.namespace === undefined) uses.read(ref.name, path);
      else lintSecretPlace(node, nodeIndex, path, ref, problems);
    }
    kind.variables(node, uses);
  });

  const reported = new Set<string>();
  for (const use of reads) {
    const node = flow.nodes[use.nodeIndex];
    if (!node || declared.has(use.name) || reported.has(`u:${use.name}`)) continue;
    reported.add(`u:${use.name}`);
    problems.add({
      code: "variable-undeclared",
      severity: "warning",
      path: joinPath(`nodes[${use.nodeIndex}]`, use.path),
      nodeId: node.id,
      message: `"${use.name}" is not a variable of this flow: declare it, or check the spelling.`,
      params: { name: use.name },
    });
  }
  for (const read of reads) {
    const node = flow.nodes[read.nodeIndex];
    if (!node || assigned.has(read.name) || !declared.has(read.name)) continue;
    if (reported.has(`n:${read.name}:${node.id}`)) continue;
    reported.add(`n:${read.name}:${node.id}`);
    problems.add({
      code: "variable-never-set",
      severity: "warning",
      path: joinPath(`nodes[${read.nodeIndex}]`, read.path),
      nodeId: node.id,
      message: `"${read.name}" is read here but nothing ever sets it, so it is always empty.`,
      params: { name: read.name },
    });
  }
}
