import type { FlowNode, NodeType } from "@convo/flow";
import { useStoreApi } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { useT } from "../../i18n";
import { EDITOR_NODES } from "../../nodes";
import { useActiveNode } from "../../simulator/panel-store";
import { useEditor, useEditorState } from "../../store/context";
import type { EditorState } from "../../store/editor-store";
import { useFocusNode } from "../use-focus-node";
import { fitTitle } from "./detail";
import { estimateSize, type Size } from "./geometry";
import { buildScene, type OverviewMarks, type OverviewScene, stepAt } from "./overview";
import { OverviewPainter } from "./overview-painter";
import { GRID } from "./use-room";

const BANDS = Object.fromEntries(
  Object.entries(EDITOR_NODES).map(([type, kind]) => [type, kind.colour]),
) as Record<NodeType, string>;

/** Up to this many steps changed at once are drawn again alone; more, the whole overview. */
const PATCH_AT_MOST = 64;

/**
 * The steps whose drawing changed while every step kept its place and size (an edit of a text, a
 * mark, the selection), or null when more changed (a move, a step added, a version compared).
 */
function changedInPlace(now: EditorState, before: EditorState): string[] | null {
  if (now.measured !== before.measured || now.compare !== before.compare) return null;
  const changed = new Set<string>();
  if (now.flow !== before.flow) {
    if (now.flow.edges !== before.flow.edges) return null;
    const nodes = now.flow.nodes;
    const old = before.flow.nodes;
    if (nodes.length !== old.length) return null;
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i] as FlowNode;
      const b = old[i] as FlowNode;
      if (a === b) continue;
      if (a.id !== b.id || a.position !== b.position || a.type !== b.type) return null;
      // A note's size is in its data.
      if (a.type === "note" && a.data !== b.data) return null;
      changed.add(a.id);
      if (changed.size > PATCH_AT_MOST) return null;
    }
  }
  if (now.marks !== before.marks) {
    for (const [id, mark] of now.marks) if (before.marks.get(id) !== mark) changed.add(id);
    for (const id of before.marks.keys()) if (!now.marks.has(id)) changed.add(id);
  }
  if (now.selectedNodes !== before.selectedNodes) {
    for (const id of now.selectedNodes) if (!before.selectedNodes.has(id)) changed.add(id);
    for (const id of before.selectedNodes) if (!now.selectedNodes.has(id)) changed.add(id);
  }
  return [...changed];
}

/** A press that moves less than this (screen pixels) is a click, not a drag. */
const CLICK_SLOP = 3;

/**
 * A large flow zoomed far out, drawn on one canvas (overview.ts), inside React Flow so that it
 * follows its viewport. It draws in the same task as the change it shows (a pan, a zoom, a drag
 * frame), so a frame never shows the canvas one step behind React Flow. The pointer works on it as
 * on the cards: a press on a step selects it (Ctrl or ⌘ adds it to the selection), a drag moves
 * the selection along the grid, a double-click zooms in on the step; a press elsewhere pans.
 */
export function Overview() {
  const t = useT();
  const editor = useEditor();
  const flowStore = useStoreApi();
  const focusNode = useFocusNode();
  const canvas = useRef<HTMLCanvasElement>(null);
  // Read by the double-click listener without subscribing again.
  const focus = useRef(focusNode);
  focus.current = focusNode;

  useEffect(() => {
    const element = canvas.current;
    const domNode = flowStore.getState().domNode;
    if (!element || !domNode) return;
    let scene: OverviewScene | null = null;
    let sceneOf: Pick<EditorState, "flow" | "measured"> | null = null;
    // By the step's data, which a drag keeps: a drag frame does not shorten 5,000 titles again.
    const titles = new WeakMap<object, string>();
    const sizes = new WeakMap<object, Size>();
    const sizeOf = (node: FlowNode) => {
      let size = sizes.get(node.data);
      if (size === undefined) {
        size = estimateSize(node);
        sizes.set(node.data, size);
      }
      return size;
    };
    const title = (node: FlowNode) => {
      let text = titles.get(node.data);
      if (text === undefined) {
        const label = "label" in node.data ? node.data.label : undefined;
        text = fitTitle(label || t(EDITOR_NODES[node.type].label));
        titles.set(node.data, text);
      }
      return text;
    };
    const currentScene = (state: EditorState): OverviewScene => {
      if (!scene || sceneOf?.flow !== state.flow || sceneOf.measured !== state.measured) {
        scene = buildScene(state.flow.nodes, state.flow.edges, state.measured, title, sizeOf);
        sceneOf = { flow: state.flow, measured: state.measured };
        element.dataset.steps = String(scene.ids.length);
      }
      return scene;
    };
    const marksNow = (state: EditorState): OverviewMarks => ({
      selected: state.selectedNodes,
      marks: state.marks,
      changes: state.compare?.steps,
      active: useActiveNode.getState().nodeId,
    });
    /** The steps a drag is moving, by their index in the scene, while one is. */
    let moving: ReadonlySet<number> | null = null;
    const draw = () => {
      const state = editor.store.getState();
      const now = currentScene(state);
      const at = flowStore.getState().transform;
      if (moving) painter.drag(now, marksNow(state), at, moving);
      else painter.full(now, marksNow(state), at);
    };
    const painter = new OverviewPainter(element, BANDS, draw);
    const resize = () => {
      painter.resize(element.clientWidth, element.clientHeight, window.devicePixelRatio || 1);
      draw();
    };
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    resize();

    let transform = flowStore.getState().transform;
    const offFlow = flowStore.subscribe((s) => {
      if (s.transform === transform) return;
      transform = s.transform;
      const state = editor.store.getState();
      painter.moveTo(currentScene(state), marksNow(state), transform);
    });
    const offEditor = editor.store.subscribe((now, before) => {
      if (
        now.flow === before.flow &&
        now.measured === before.measured &&
        now.selectedNodes === before.selectedNodes &&
        now.marks === before.marks &&
        now.compare === before.compare
      )
        return;
      // A few steps changed in place (a text edited, a mark from the lint, a click): only their
      // boxes are drawn again. A full drawing of 5,000 steps costs the rasterizer ~20 ms.
      const previous = scene;
      const changed = moving ? null : changedInPlace(now, before);
      const next = currentScene(now);
      if (changed && previous && changed.length <= PATCH_AT_MOST) {
        const boxes = changed.flatMap((id) => {
          const i = next.index.get(id);
          return i === undefined ? [] : [next.boxes.subarray(4 * i, 4 * i + 4)];
        });
        painter.patch(next, marksNow(now), flowStore.getState().transform, boxes);
      } else draw();
    });
    const offActive = useActiveNode.subscribe(draw);

    const flowPoint = (event: MouseEvent) => {
      const [x, y, zoom] = flowStore.getState().transform;
      const box = element.getBoundingClientRect();
      return { x: (event.clientX - box.left - x) / zoom, y: (event.clientY - box.top - y) / zoom };
    };
    /** The step under the pointer, when the press is on the canvas itself (not a panel). */
    const stepUnder = (event: MouseEvent): string | null => {
      const target = event.target as Element | null;
      if (!target?.classList.contains("react-flow__pane")) return null;
      return stepAt(currentScene(editor.store.getState()), flowPoint(event));
    };

    // The click that ends a press on a step is the step's: React Flow's pane would clear the
    // selection on it.
    let pressedStep = false;
    const onClick = (event: MouseEvent) => {
      if (pressedStep) event.stopPropagation();
      pressedStep = false;
    };
    const onMouseDown = (event: MouseEvent) => {
      if (event.button !== 0) return;
      const id = stepUnder(event);
      pressedStep = id !== null;
      if (id === null) return;
      // The step, not the pane: React Flow's pan (d3-zoom, listening on the pane) never hears it.
      event.stopPropagation();
      event.preventDefault();
      const state = editor.store.getState();
      const adding = event.ctrlKey || event.metaKey;
      let selection: ReadonlySet<string> = state.selectedNodes;
      if (adding) {
        const next = new Set(selection);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        selection = next;
        editor.store.setState({ selectedNodes: next });
      } else if (!selection.has(id)) {
        selection = new Set([id]);
        editor.select([id]);
      }
      if (state.readOnly !== null || !selection.has(id)) return;
      const zoom = flowStore.getState().transform[2];
      const starts = [...selection].flatMap((moved) => {
        const node = state.byId.get(moved);
        return node ? [{ id: moved, from: node.position }] : [];
      });
      const start = { x: event.clientX, y: event.clientY };
      let dragging = false;
      const onMove = (move: MouseEvent) => {
        const dx = move.clientX - start.x;
        const dy = move.clientY - start.y;
        if (!dragging && Math.hypot(dx, dy) < CLICK_SLOP) return;
        if (!dragging) {
          const { index } = currentScene(editor.store.getState());
          moving = new Set(starts.flatMap(({ id: moved }) => index.get(moved) ?? []));
        }
        dragging = true;
        editor.moveNodes(
          starts.map(({ id: moved, from }) => ({
            id: moved,
            position: {
              x: Math.round((from.x + dx / zoom) / GRID) * GRID,
              y: Math.round((from.y + dy / zoom) / GRID) * GRID,
            },
          })),
          true,
        );
      };
      const onUp = () => {
        window.removeEventListener("mousemove", onMove);
        window.removeEventListener("mouseup", onUp);
        moving = null;
        if (dragging) editor.endDrag();
        draw();
      };
      window.addEventListener("mousemove", onMove);
      window.addEventListener("mouseup", onUp);
    };
    const onDoubleClick = (event: MouseEvent) => {
      const id = stepUnder(event);
      if (id === null) return;
      event.stopPropagation();
      focus.current(id);
    };
    const onHover = (event: MouseEvent) => {
      if (event.buttons !== 0) return;
      const target = event.target as Element | null;
      if (target?.classList.contains("react-flow__pane"))
        target.classList.toggle("overview-on-step", stepUnder(event) !== null);
    };
    domNode.addEventListener("mousedown", onMouseDown, true);
    domNode.addEventListener("dblclick", onDoubleClick, true);
    domNode.addEventListener("click", onClick, true);
    domNode.addEventListener("mousemove", onHover);
    return () => {
      painter.dispose();
      observer.disconnect();
      offFlow();
      offEditor();
      offActive();
      domNode.removeEventListener("mousedown", onMouseDown, true);
      domNode.removeEventListener("dblclick", onDoubleClick, true);
      domNode.removeEventListener("click", onClick, true);
      domNode.removeEventListener("mousemove", onHover);
      domNode.querySelector(".overview-on-step")?.classList.remove("overview-on-step");
    };
  }, [editor, flowStore, t]);

  const count = useEditorState((s) => s.flow.nodes.length);
  return (
    <canvas
      ref={canvas}
      className="overview"
      data-testid="overview"
      role="img"
      aria-label={t("canvas.overview", { count })}
    />
  );
}
