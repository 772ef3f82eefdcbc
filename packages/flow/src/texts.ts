import type { NodeText } from "./kind";
import type { FlowNode } from "./node-types";
import { kindOf } from "./nodes";

export type { NodeText } from "./kind";

/**
 * Every piece of text a marketer typed into a node, with its path. Templates are read from these
 * (lint) and the canvas search looks through them.
 */
export function nodeTexts(node: FlowNode): NodeText[] {
  const out: NodeText[] = [];
  if ("label" in node.data && node.data.label)
    out.push({ path: "data.label", text: node.data.label });
  kindOf(node.type).texts(node, out);
  return out;
}
