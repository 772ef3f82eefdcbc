import type { FlowNode } from "../node-types";
import type { Edge, Flow } from "../schema";
import { freshId } from "./ids";

/** What Copy puts on the clipboard: some steps and the connections between them. */
export interface Fragment {
  kind: "convo/fragment";
  nodes: FlowNode[];
  edges: Edge[];
}

export function isFragment(value: unknown): value is Fragment {
  const v = value as Partial<Fragment> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    v.kind === "convo/fragment" &&
    Array.isArray(v.nodes) &&
    Array.isArray(v.edges)
  );
}

/** The selected steps and only the connections that stay inside the selection. */
export function copyFragment(flow: Flow, nodeIds: ReadonlySet<string>): Fragment {
  const nodes = flow.nodes.filter((n) => nodeIds.has(n.id));
  const edges = flow.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target));
  return { kind: "convo/fragment", nodes, edges };
}

/** Inner ids that become handles or payloads; pasted copies get new ones so they never clash. */
function remapInnerIds(value: unknown, taken: Set<string>, handles: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => remapInnerIds(item, taken, handles));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === "id" && typeof inner === "string") {
      const fresh = taken.has(inner) ? freshId(inner.replace(/-[a-z0-9]{4}$/, ""), taken) : inner;
      taken.add(fresh);
      handles.set(inner, fresh);
      out[key] = fresh;
    } else {
      out[key] = remapInnerIds(inner, taken, handles);
    }
  }
  return out;
}

/**
 * Copies of a fragment ready to add to a flow: every node, edge and inner id (button, quick reply,
 * branch, variant, block) is fresh against `taken` (which it extends), edges follow the new node
 * and handle ids, and positions move by `offset` so the copy does not hide the original.
 */
export function pasteFragment(
  fragment: Fragment,
  taken: Set<string>,
  offset: { x: number; y: number },
): { nodes: FlowNode[]; edges: Edge[] } {
  const nodeIds = new Map<string, string>();
  const handleIds = new Map<string, Map<string, string>>();
  const nodes = fragment.nodes.map((node) => {
    const id = taken.has(node.id) ? freshId(node.type, taken) : node.id;
    taken.add(id);
    nodeIds.set(node.id, id);
    const handles = new Map<string, string>();
    handleIds.set(node.id, handles);
    const data = remapInnerIds(node.data, taken, handles);
    return {
      ...node,
      id,
      position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
      data,
    } as FlowNode;
  });
  const edges: Edge[] = [];
  for (const edge of fragment.edges) {
    const source = nodeIds.get(edge.source);
    const target = nodeIds.get(edge.target);
    if (source === undefined || target === undefined) continue;
    const id = freshId("edge", taken);
    taken.add(id);
    const copy: Edge = { id, source, target };
    if (edge.sourceHandle !== undefined) {
      copy.sourceHandle = handleIds.get(edge.source)?.get(edge.sourceHandle) ?? edge.sourceHandle;
    }
    edges.push(copy);
  }
  return { nodes, edges };
}
