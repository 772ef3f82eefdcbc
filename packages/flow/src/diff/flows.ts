import type { FlowNode, NodeType } from "../node-types";
import type { Flow } from "../schema";
import { canonicalText } from "../serialize";
import { nodeTexts } from "../texts";

export type StepChangeKind = "added" | "removed" | "changed";

/** One text of a step as it was and as it is; an added step's texts were "", a removed one's are. */
export interface TextChange {
  /** Path inside the step, e.g. `data.content[0].buttons[1].title`. */
  path: string;
  before: string;
  after: string;
}

/** A step that a version and the draft do not share, with what a marketer would read of it. */
export interface StepChange {
  id: string;
  kind: StepChangeKind;
  type: NodeType;
  /** The step's own name, when the marketer gave it one. */
  label: string | undefined;
  texts: TextChange[];
  /** Something other than its texts changed (a setting, a type, a variable). */
  settingsChanged: boolean;
  /** It sits somewhere else on the canvas. */
  moved: boolean;
}

export interface FlowDiff {
  added: string[];
  removed: string[];
  changed: string[];
  /** The same steps, in the draft's order then the removed ones, with their text changes. */
  steps: StepChange[];
  /** Connections differ even when no step did. */
  edgesChanged: boolean;
}

// Documents are immutable (every edit makes new objects), so a node's canonical text is computed
// once per object: comparing the draft with the live version on each keystroke re-reads only the
// steps that changed.
const canonicalData = new WeakMap<object, string>();
function dataText(node: FlowNode): string {
  let text = canonicalData.get(node.data);
  if (text === undefined) {
    text = canonicalText({ type: node.type, data: node.data });
    canonicalData.set(node.data, text);
  }
  return text;
}

function labelOf(node: FlowNode): string | undefined {
  return "label" in node.data && node.data.label ? node.data.label : undefined;
}

function textChanges(before: FlowNode | undefined, after: FlowNode | undefined): TextChange[] {
  const old = new Map(before ? nodeTexts(before).map((t) => [t.path, t.text]) : []);
  const now = new Map(after ? nodeTexts(after).map((t) => [t.path, t.text]) : []);
  const out: TextChange[] = [];
  for (const [path, text] of now) {
    const was = old.get(path) ?? "";
    if (was !== text) out.push({ path, before: was, after: text });
  }
  for (const [path, text] of old)
    if (!now.has(path) && text !== "") out.push({ path, before: text, after: "" });
  return out;
}

function stepChange(
  kind: StepChangeKind,
  before: FlowNode | undefined,
  after: FlowNode | undefined,
): StepChange {
  const node = (after ?? before) as FlowNode;
  return {
    id: node.id,
    kind,
    type: node.type,
    label: labelOf(node),
    texts: textChanges(before, after),
    settingsChanged: false,
    moved: false,
  };
}

function edgeKey(flow: Flow): string {
  return flow.edges
    .map((e) => `${e.source}/${e.sourceHandle ?? "next"}>${e.target}`)
    .sort()
    .join("|");
}

/**
 * Which steps a version and the draft do not share: added to, removed from or changed in the
 * draft, each with its texts before and after. Key order inside a step does not count.
 */
export function diffFlows(version: Flow, draft: Flow): FlowDiff {
  const before = new Map(version.nodes.map((n) => [n.id, n]));
  const after = new Set(draft.nodes.map((n) => n.id));
  const steps: StepChange[] = [];
  for (const node of draft.nodes) {
    const old = before.get(node.id);
    if (old === undefined) {
      steps.push(stepChange("added", undefined, node));
      continue;
    }
    if (old === node) continue;
    const moved = old.position.x !== node.position.x || old.position.y !== node.position.y;
    const dataChanged = old.data !== node.data && dataText(old) !== dataText(node);
    if (!moved && !dataChanged) continue;
    const change = stepChange("changed", old, node);
    change.moved = moved;
    change.settingsChanged = dataChanged && change.texts.length === 0;
    steps.push(change);
  }
  for (const node of version.nodes)
    if (!after.has(node.id)) steps.push(stepChange("removed", node, undefined));
  const ids = (kind: StepChangeKind) => steps.filter((s) => s.kind === kind).map((s) => s.id);
  return {
    added: ids("added"),
    removed: ids("removed"),
    changed: ids("changed"),
    steps,
    edgesChanged: version.edges !== draft.edges && edgeKey(version) !== edgeKey(draft),
  };
}

/** Whether the draft would publish as something other than the version: a step or a connection. */
export function flowsDiffer(version: Flow, draft: Flow): boolean {
  const diff = diffFlows(version, draft);
  return diff.steps.length > 0 || diff.edgesChanged;
}
