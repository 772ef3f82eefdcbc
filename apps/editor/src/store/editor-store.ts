import {
  connectEdges,
  copyFragment,
  type Flow,
  type FlowNode,
  type FlowProblem,
  type Fragment,
  type NodeType,
  newNode,
  type Position,
  pasteFragment,
  removeElements as removeFromFlow,
  type StepChangeKind,
  takenIds,
} from "@convo/flow";
import { createStore, type StoreApi } from "zustand/vanilla";
import { problemMarks, type Severity } from "./marks";
import { type Path, setIn } from "./paths";

/** Typing in one field merges into one undo step until it pauses this long (or the field blurs). */
export const GROUP_PAUSE_MS = 500;
const HISTORY_LIMIT = 200;

export type Panel = "problems" | "versions" | "variables" | "search";

export interface EditorState {
  // The document: what undo/redo covers and autosave sends.
  flow: Flow;
  past: Flow[];
  future: Flow[];
  /** Nodes by id, rebuilt when the node array changes, so a node reads its own data in O(1). */
  byId: ReadonlyMap<string, FlowNode>;

  // View state: never in the history.
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  /** Sizes React Flow measured, kept beside the document (React Flow needs them on each node). */
  measured: ReadonlyMap<string, { width: number; height: number }>;
  problems: FlowProblem[];
  marks: ReadonlyMap<string, Severity>;
  panel: Panel | null;
  /** Set while a published version is shown instead of the draft. */
  readOnly: { version: number } | null;
  /** While a version is compared with the draft: how each step on screen differs. */
  compare: { version: number; steps: ReadonlyMap<string, StepChangeKind> } | null;
}

export interface EditorOptions {
  now?: () => number;
}

const EMPTY_SET: ReadonlySet<string> = new Set();

function indexNodes(nodes: readonly FlowNode[]): Map<string, FlowNode> {
  return new Map(nodes.map((n) => [n.id, n]));
}

/**
 * The editor's state and every change a gesture can make. Document changes go through `change`,
 * which records history; view changes set state directly.
 */
export function createEditor(initial: Flow, options: EditorOptions = {}) {
  const now = options.now ?? Date.now;
  const store: StoreApi<EditorState> = createStore<EditorState>(() => ({
    flow: initial,
    past: [],
    future: [],
    byId: indexNodes(initial.nodes),
    selectedNodes: EMPTY_SET,
    selectedEdges: EMPTY_SET,
    measured: new Map(),
    problems: [],
    marks: new Map(),
    panel: null,
    readOnly: null,
    compare: null,
  }));

  let group: { key: string; at: number } | null = null;
  /** The document as it was when the current drag began; committed as one step on drag end. */
  let dragBase: Flow | null = null;

  function setFlow(flow: Flow, extra: Partial<EditorState> = {}): void {
    const state = store.getState();
    const byId = flow.nodes === state.flow.nodes ? state.byId : indexNodes(flow.nodes);
    store.setState({ flow, byId, ...extra });
  }

  /** Applies a document change as one undo step, or merges it into the current typing group. */
  function change(recipe: (flow: Flow) => Flow, groupKey?: string): void {
    const state = store.getState();
    if (state.readOnly) return;
    const next = recipe(state.flow);
    if (next === state.flow) return;
    const at = now();
    const merge =
      groupKey !== undefined && group?.key === groupKey && at - group.at < GROUP_PAUSE_MS;
    group = groupKey === undefined ? null : { key: groupKey, at };
    if (merge) {
      setFlow(next, { future: [] });
    } else {
      setFlow(next, { past: [...state.past, state.flow].slice(-HISTORY_LIMIT), future: [] });
    }
  }

  function endGroup(): void {
    group = null;
  }

  function undo(): void {
    const { past, future, flow, readOnly } = store.getState();
    const previous = past.at(-1);
    if (previous === undefined || readOnly) return;
    group = null;
    setFlow(previous, { past: past.slice(0, -1), future: [flow, ...future] });
  }

  function redo(): void {
    const { past, future, flow, readOnly } = store.getState();
    const next = future[0];
    if (next === undefined || readOnly) return;
    group = null;
    setFlow(next, { past: [...past, flow], future: future.slice(1) });
  }

  /** Where each node sits in `indexed` (the node array it was built for). */
  let indexed: { nodes: readonly FlowNode[]; at: Map<string, number> } | null = null;
  function indexOfNodes(nodes: readonly FlowNode[]): Map<string, number> {
    if (indexed?.nodes !== nodes) indexed = { nodes, at: new Map(nodes.map((n, i) => [n.id, i])) };
    return indexed.at;
  }

  /**
   * Positions while dragging: applied at once, recorded as one step when the drag ends. Only the
   * moved nodes are touched (a drag frame does not walk or rebuild every node of a large flow).
   */
  function moveNodes(
    moves: readonly { id: string; position: Position }[],
    dragging: boolean,
  ): void {
    const state = store.getState();
    if (state.readOnly) return;
    if (dragging && dragBase === null) dragBase = state.flow;
    if (moves.length > 0) {
      const at = indexOfNodes(state.flow.nodes);
      const nodes = state.flow.nodes.slice();
      const byId = new Map(state.byId);
      for (const move of moves) {
        const i = at.get(move.id);
        const node = i === undefined ? undefined : nodes[i];
        if (i === undefined || node === undefined) continue;
        const moved = { ...node, position: move.position };
        nodes[i] = moved;
        byId.set(move.id, moved);
      }
      // The same ids in the same places: the index stays right for the new array.
      indexed = { nodes, at };
      store.setState({ flow: { ...state.flow, nodes }, byId });
    }
    if (!dragging) endDrag();
  }

  /**
   * A sticky note's size while its corner is dragged: shown at once, recorded as one step when the
   * drag ends (as a move is).
   */
  function resizeNote(
    id: string,
    size: { width: number; height: number },
    resizing: boolean,
  ): void {
    const state = store.getState();
    if (state.readOnly) return;
    if (dragBase === null) dragBase = state.flow;
    const i = indexOfNodes(state.flow.nodes).get(id);
    const node = i === undefined ? undefined : state.flow.nodes[i];
    if (i !== undefined && node?.type === "note") {
      const width = Math.round(size.width);
      const height = Math.round(size.height);
      if (node.data.width !== width || node.data.height !== height) {
        const nodes = state.flow.nodes.slice();
        nodes[i] = { ...node, data: { ...node.data, width, height } };
        setFlow({ ...state.flow, nodes });
      }
    }
    if (!resizing) endDrag();
  }

  function endDrag(): void {
    const base = dragBase;
    dragBase = null;
    const state = store.getState();
    if (base === null || base === state.flow) return;
    group = null;
    store.setState({ past: [...state.past, base].slice(-HISTORY_LIMIT), future: [] });
  }

  function taken(): Set<string> {
    return takenIds(store.getState().flow);
  }

  function addNode(
    type: NodeType,
    position: Position,
    from?: { source: string; sourceHandle: string },
  ): string {
    const node = newNode(type, position, taken());
    change((flow) => {
      const nodes = [...flow.nodes, node];
      const edges = from && connectEdges(flow.edges, from.source, from.sourceHandle, node.id);
      return edges ? { ...flow, nodes, edges } : { ...flow, nodes };
    });
    store.setState({ selectedNodes: new Set([node.id]), selectedEdges: EMPTY_SET });
    return node.id;
  }

  function connect(source: string, sourceHandle: string | null | undefined, target: string): void {
    change((flow) => {
      const edges = connectEdges(flow.edges, source, sourceHandle ?? "next", target);
      return edges ? { ...flow, edges } : flow;
    });
  }

  function removeElements(nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): void {
    if (nodeIds.size === 0 && edgeIds.size === 0) return;
    change((flow) => removeFromFlow(flow, nodeIds, edgeIds));
    store.setState({ selectedNodes: EMPTY_SET, selectedEdges: EMPTY_SET });
  }

  function deleteSelection(): void {
    const { selectedNodes, selectedEdges } = store.getState();
    removeElements(selectedNodes, selectedEdges);
  }

  /** Sets one field of a node; `path` starts inside the node (`["data", "content", 0, "text"]`). */
  function setNodeField(nodeId: string, path: Path, value: unknown, groupKey?: string): void {
    change((flow) => {
      const index = flow.nodes.findIndex((n) => n.id === nodeId);
      if (index === -1) return flow;
      return { ...flow, nodes: setIn(flow.nodes, [index, ...path], value) };
    }, groupKey);
  }

  /** Sets a field of the flow itself (`["variables"]`, `["name"]`). */
  function setFlowField(path: Path, value: unknown, groupKey?: string): void {
    change((flow) => setIn(flow, path, value), groupKey);
  }

  function copySelection(): Fragment | null {
    const { flow, selectedNodes } = store.getState();
    if (selectedNodes.size === 0) return null;
    return copyFragment(flow, selectedNodes);
  }

  function paste(fragment: Fragment, offset = { x: 40, y: 40 }): void {
    if (fragment.nodes.length === 0) return;
    const copy = pasteFragment(fragment, taken(), offset);
    change((flow) => ({
      ...flow,
      nodes: [...flow.nodes, ...copy.nodes],
      edges: [...flow.edges, ...copy.edges],
    }));
    store.setState({
      selectedNodes: new Set(copy.nodes.map((n) => n.id)),
      selectedEdges: new Set(copy.edges.map((e) => e.id)),
    });
  }

  function duplicateSelection(): void {
    const fragment = copySelection();
    if (fragment) paste(fragment);
  }

  /** Replaces the whole document as one undoable step (automatic layout, restoring a version). */
  function replaceFlow(flow: Flow): void {
    change(() => flow);
  }

  /** Loads a document with a fresh history (opening a flow, taking another tab's version). */
  function resetFlow(flow: Flow): void {
    group = null;
    dragBase = null;
    setFlow(flow, { past: [], future: [], selectedNodes: EMPTY_SET, selectedEdges: EMPTY_SET });
  }

  function select(nodeIds: Iterable<string>, edgeIds: Iterable<string> = []): void {
    store.setState({ selectedNodes: new Set(nodeIds), selectedEdges: new Set(edgeIds) });
  }

  function selectAll(): void {
    const { flow } = store.getState();
    select(
      flow.nodes.map((n) => n.id),
      flow.edges.map((e) => e.id),
    );
  }

  function setProblems(problems: FlowProblem[]): void {
    store.setState({ problems, marks: problemMarks(problems, store.getState().flow) });
  }

  function setMeasured(sizes: readonly { id: string; width: number; height: number }[]): void {
    const measured = new Map(store.getState().measured);
    for (const s of sizes) measured.set(s.id, { width: s.width, height: s.height });
    store.setState({ measured });
  }

  return {
    store,
    change,
    endGroup,
    undo,
    redo,
    moveNodes,
    resizeNote,
    endDrag,
    addNode,
    connect,
    removeElements,
    deleteSelection,
    setNodeField,
    setFlowField,
    copySelection,
    paste,
    duplicateSelection,
    replaceFlow,
    resetFlow,
    select,
    selectAll,
    setProblems,
    setMeasured,
    setPanel: (panel: Panel | null) => store.setState({ panel }),
    setReadOnly: (readOnly: EditorState["readOnly"]) => store.setState({ readOnly }),
    setCompare: (compare: EditorState["compare"]) => store.setState({ compare }),
  };
}

export type Editor = ReturnType<typeof createEditor>;
