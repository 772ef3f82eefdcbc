import { joinPath } from "../problems";
import type { Flow } from "../schema";
import { templateReferences } from "../template";
import { nodeTexts } from "../texts";
import type { ProblemList } from "./context";
import { lintSecretPlace } from "./secrets";

interface Read {
  name: string;
  nodeIndex: number;
  path: string;
}

/** Variables read but never declared, or declared but never given a value. */
export function lintVariables(flow: Flow, problems: ProblemList): void {
  const declared = new Set(flow.variables.map((v) => v.name));
  const assigned = new Set(
    flow.variables.filter((v) => v.default !== undefined).map((v) => v.name),
  );
  const reads: Read[] = [];
  const writes: Read[] = [];

  flow.nodes.forEach((node, nodeIndex) => {
    if (node.type === "note") return;
    for (const { path, text } of nodeTexts(node)) {
      for (const ref of templateReferences(text)) {
        if (ref.namespace === undefined) reads.push({ name: ref.name, nodeIndex, path });
        else lintSecretPlace(node, nodeIndex, path, ref, problems);
      }
    }
    switch (node.type) {
      case "input":
        writes.push({ name: node.data.variable, nodeIndex, path: "data.variable" });
        break;
      case "condition":
        node.data.branches.forEach((branch, b) => {
          branch.rules.forEach((rule, r) => {
            if (rule.kind === "variable") {
              reads.push({
                name: rule.name,
                nodeIndex,
                path: `data.branches[${b}].rules[${r}].name`,
              });
            }
          });
        });
        break;
      case "action":
        node.data.steps.forEach((step, s) => {
          if (step.kind === "set_variable") {
            writes.push({ name: step.variable, nodeIndex, path: `data.steps[${s}].variable` });
          } else if (step.kind === "http") {
            step.responseMapping?.forEach((m, j) => {
              writes.push({
                name: m.variable,
                nodeIndex,
                path: `data.steps[${s}].responseMapping[${j}].variable`,
              });
            });
            if (step.statusVariable !== undefined) {
              writes.push({
                name: step.statusVariable,
                nodeIndex,
                path: `data.steps[${s}].statusVariable`,
              });
            }
          }
        });
        break;
      default:
        break;
    }
  });

  for (const write of writes) assigned.add(write.name);
  const reported = new Set<string>();
  for (const use of [...writes, ...reads]) {
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
