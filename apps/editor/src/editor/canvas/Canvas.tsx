import { NODE_TYPES as FLOW_NODE_TYPES, type NodeType } from "@convo/flow";
import {
  Background,
  type Connection,
  Controls,
  type Edge,
  type EdgeChange,
  type FitViewOptions,
  MiniMap,
  type Node,
  type NodeChange,
  type OnConnectEnd,
  ReactFlow,
  useStore as useFlowStore,
  useReactFlow,
} from "@xyflow/react";
import {
  type ComponentType,
  type DragEvent,
  lazy,
  type MouseEvent,
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useStore } from "zustand";
import { useAnalytics } from "../../analytics/analytics-store";
import { describeError } from "../../common/errors";
import { navigate } from "../../common/route";
import { useApi } from "../../common/session";
import { loadPanelWords, useT } from "../../i18n";
import { useEditor } from "../../store/context";
import type { EditorState } from "../../store/editor-store";
import { createEdgeDeriver, createNodeDeriver } from "./derive";
import { CULL_FROM_NODES, SIMPLE_BELOW_ZOOM, SimpleDetail } from "./detail";
import { contentSize } from "./geometry";
import type { InlineTarget } from "./InlineEdit";
import { MINIMAP, minimapNodeColour } from "./minimap-colours";
import { DRAG_TYPE, Palette } from "./Palette";
import { EDGE_TYPES } from "./StepEdge";
import { NODE_TYPES } from "./StepNode";
import { tabOnCanvas } from "./tab-order";
import { fitOptionsNow, GRID, usePlacement } from "./use-room";

/** Loaded at the first double-click on a step's text: opening a flow does not wait for it. */
const InlineEdit = lazy(() =>
  Promise.all([import("./InlineEdit"), loadPanelWords()]).then(([m]) => ({
    default: m.InlineEdit,
  })),
);
/** Loaded at the first double-click or dropped connection: opening a flow does not wait for it. */
const AddMenu = lazy(() => import("./AddMenu").then((m) => ({ default: m.AddMenu })));

/**
 * The overview canvas (Overview.tsx), fetched when a large flow is opened: a flow of a few steps
 * never draws one, and opening a flow does not wait for its 5 KB. Not under Suspense, which keeps
 * its fallback on screen for ~300 ms: the canvas is drawn the moment the chunk has come.
 */
let overviewChunk: Promise<ComponentType> | undefined;
let OverviewLoaded: ComponentType | null = null;
function useOverview(large: boolean): ComponentType | null {
  const [component, setComponent] = useState<ComponentType | null>(() => OverviewLoaded);
  useEffect(() => {
    if (!large || component) return;
    let live = true;
    overviewChunk ??= import("./Overview").then((m) => {
      OverviewLoaded = m.Overview;
      return m.Overview;
    });
    void overviewChunk.then((loaded) => {
      if (live) setComponent(() => loaded);
    });
    return () => {
      live = false;
    };
  }, [large, component]);
  return component;
}

interface AddMenuState {
  screen: { x: number; y: number };
  from?: { source: string; sourceHandle: string };
}

const SNAP: [number, number] = [GRID, GRID];
// Props React Flow compares by identity stay module constants, so a re-render during a drag does
// not make it re-subscribe key listeners or rewrite its store.
const MULTI_SELECT_KEYS = ["Meta", "Control"];
// Hidden steps count: in the overview every step is hidden from React Flow (Overview.tsx).
const FIT_VIEW_OPTIONS = { maxZoom: 1, includeHiddenNodes: true };
/** The minimap's colours, read against its background (minimap-colours.ts). */
const MINIMAP_STYLE = { backgroundColor: MINIMAP.background };
const NO_EDGES: Edge[] = [];

export function Canvas() {
  const t = useT();
  const editor = useEditor();
  const api = useApi();
  const place = usePlacement();
  const [menu, setMenu] = useState<AddMenuState | null>(null);
  const [inline, setInline] = useState<InlineTarget | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const area = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = area.current;
    if (!element) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Tab" || event.ctrlKey || event.metaKey || event.altKey || !element) return;
      const next = tabOnCanvas(element, document.activeElement, event.shiftKey);
      if (!next) return;
      event.preventDefault();
      next.focus();
    }
    element.addEventListener("keydown", onKeyDown);
    return () => element.removeEventListener("keydown", onKeyDown);
  }, []);
  // The first fit keeps the steps clear of the minimap too: its padding is read once the canvas
  // and its minimap are laid out, before React Flow measures the steps and fits them.
  const [fitOptions, setFitOptions] = useState<FitViewOptions>(FIT_VIEW_OPTIONS);
  useLayoutEffect(() => {
    const { flow } = editor.store.getState();
    setFitOptions(fitOptionsNow(contentSize(flow.nodes)));
  }, [editor]);
  const minimapColour = useCallback(
    (node: Node) =>
      minimapNodeColour(editor.store.getState().byId.get(node.id)?.type, node.selected),
    [editor],
  );

  // Module-style selectors over stable per-node caches: this component re-renders on a drag, but
  // React Flow receives the same object for every node that did not move.
  const deriveNodes = useMemo(createNodeDeriver, []);
  const deriveEdges = useMemo(createEdgeDeriver, []);
  const large = useStore(editor.store, (s: EditorState) => s.flow.nodes.length >= CULL_FROM_NODES);
  const readOnly = useStore(editor.store, (s: EditorState) => s.readOnly !== null);
  // Re-renders only when the zoom crosses the threshold, not on every pan or zoom frame. A large
  // flow is drawn as its overview until its first fit view has been seen, so it is not drawn in
  // full, measured, and drawn again: React Flow queues that fit only after its first render (at
  // 5,000 steps that double drawing was most of the opening).
  // Until then the steps are not all measured or the fit is still queued; once fitted, a step
  // added later (unmeasured for a frame) does not switch the canvas back.
  const beforeFirstFit = useFlowStore((s) => s.fitViewQueued || !s.nodesInitialized);
  const paneReady = useFlowStore((s) => s.panZoom !== null && s.width > 0 && s.height > 0);
  const { fitView } = useReactFlow();
  const [fitted, setFitted] = useState(false);
  useEffect(() => {
    if (fitted) return;
    if (!large) {
      if (!beforeFirstFit) setFitted(true);
      return;
    }
    // A large flow fits itself once React Flow's viewport can move. Its steps start hidden (the
    // overview draws them) and sized, so React Flow resolves the fit it queued at its very first
    // update, before its zoom exists, and drops it: the flow opened at 100 %.
    if (!paneReady) return;
    let live = true;
    void fitView(fitOptions).then(() => {
      if (live) setFitted(true);
    });
    return () => {
      live = false;
    };
  }, [large, fitted, beforeFirstFit, paneReady, fitView, fitOptions]);
  const zoomedOut = useFlowStore((s) => s.transform[2] < SIMPLE_BELOW_ZOOM);
  const simpleNow = zoomedOut || (large && !fitted);
  // Every card is drawn again when the detail changes: React does that between frames (a
  // transition it can interrupt), so a wheel gesture crossing the threshold keeps its frames.
  const simple = useDeferredValue(simpleNow);
  // A large flow zoomed out is drawn on one canvas (Overview.tsx), unless the analytics counts
  // are shown: they are read on each step's own box.
  const analytics = useAnalytics((s) => s.enabled);
  const overview = large && simple && !analytics;
  const view = overview ? "overview" : large ? "large" : "cards";
  const Overview = useOverview(large);
  const nodes = useStore(editor.store, (s: EditorState) =>
    deriveNodes(s.flow.nodes, s.selectedNodes, s.measured, s.readOnly !== null, view),
  );
  // In the overview React Flow is given no connections: the canvas draws them, and each one
  // React Flow holds is a component whose selector runs on every pan frame.
  const edges = useStore(editor.store, (s: EditorState) =>
    overview ? NO_EDGES : deriveEdges(s.flow.edges, s.selectedEdges),
  );

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const moves: { id: string; position: { x: number; y: number } }[] = [];
      let dragging = false;
      let sawPosition = false;
      let selection: Set<string> | null = null;
      const sizes: { id: string; width: number; height: number }[] = [];
      // A note's corner being dragged: its size goes into the flow, and the position React Flow
      // sends along with it is not a move.
      const resized = new Set<string>();
      for (const change of changes) {
        if (change.type === "dimensions" && change.resizing !== undefined && change.dimensions) {
          resized.add(change.id);
          editor.resizeNote(change.id, change.dimensions, change.resizing);
        }
      }
      for (const change of changes) {
        if (change.type === "position" && resized.has(change.id)) continue;
        if (change.type === "position") {
          sawPosition = true;
          if (change.dragging) dragging = true;
          if (change.position) moves.push({ id: change.id, position: change.position });
        } else if (change.type === "select") {
          selection ??= new Set(editor.store.getState().selectedNodes);
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
        } else if (change.type === "dimensions" && change.dimensions) {
          sizes.push({ id: change.id, ...change.dimensions });
        }
      }
      if (sawPosition) editor.moveNodes(moves, dragging);
      if (selection) editor.store.setState({ selectedNodes: selection });
      if (sizes.length > 0) editor.setMeasured(sizes);
    },
    [editor],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      let selection: Set<string> | null = null;
      for (const change of changes) {
        if (change.type !== "select") continue;
        selection ??= new Set(editor.store.getState().selectedEdges);
        if (change.selected) selection.add(change.id);
        else selection.delete(change.id);
      }
      if (selection) editor.store.setState({ selectedEdges: selection });
    },
    [editor],
  );

  const onConnect = useCallback(
    (c: Connection) => editor.connect(c.source, c.sourceHandle, c.target),
    [editor],
  );
  // React Flow's words for screen readers, in the reader's language and naming our shortcuts.
  const ariaLabels = useMemo(
    () => ({
      "controls.ariaLabel": t("canvas.controls"),
      "controls.zoomIn.ariaLabel": t("canvas.zoomIn"),
      "controls.zoomOut.ariaLabel": t("canvas.zoomOut"),
      "controls.fitView.ariaLabel": t("canvas.fitView"),
      "controls.interactive.ariaLabel": t("canvas.lock"),
      "minimap.ariaLabel": t("canvas.minimap"),
      "handle.ariaLabel": t("canvas.handle"),
      // React Flow reads "keyboardDisabled" when the arrows do move steps (despite its name).
      "node.a11yDescription.default": t("canvas.stepKeys"),
      "node.a11yDescription.keyboardDisabled": t("canvas.stepKeys"),
      "node.a11yDescription.ariaLiveMessage": ({ x, y }: { x: number; y: number }) =>
        t("canvas.moved", { x, y }),
      "edge.a11yDescription.default": t("canvas.connectionKeys"),
    }),
    [t],
  );

  const onConnectEnd: OnConnectEnd = useCallback((event, state) => {
    if (state.isValid || !state.fromNode || !state.fromHandle || state.fromHandle.type !== "source")
      return;
    const target = event.target as Element | null;
    if (!target?.classList.contains("react-flow__pane")) return;
    const point = "changedTouches" in event ? event.changedTouches[0] : event;
    if (!point) return;
    setMenu({
      screen: { x: point.clientX, y: point.clientY },
      from: { source: state.fromNode.id, sourceHandle: state.fromHandle.id ?? "next" },
    });
  }, []);

  function onDoubleClick(event: MouseEvent) {
    if (readOnly) return;
    // A step's text (data-edit, see nodes/message/Body.tsx) is written where it is drawn.
    const text = (event.target as Element).closest<HTMLElement>("[data-edit]");
    const step = text?.closest<HTMLElement>(".react-flow__node");
    if (text?.dataset.edit && step?.dataset.id) {
      const { left, top, width, height } = text.getBoundingClientRect();
      setInline({
        nodeId: step.dataset.id,
        path: text.dataset.edit,
        box: { left, top, width, height },
      });
      return;
    }
    if (!(event.target as Element).classList.contains("react-flow__pane")) return;
    setMenu({ screen: { x: event.clientX, y: event.clientY } });
  }

  /** A flow file dropped on the canvas is imported as its own flow and opened. */
  async function importFile(file: File) {
    setImportError(null);
    try {
      const detail = await api.importFlow(await file.text());
      navigate({ screen: "flow", flowId: detail.id });
    } catch (error) {
      setImportError(describeError(t, error));
    }
  }

  function onDrop(event: DragEvent) {
    const file = event.dataTransfer.files[0];
    if (file) {
      event.preventDefault();
      void importFile(file);
      return;
    }
    const type = event.dataTransfer.getData(DRAG_TYPE);
    if (!(FLOW_NODE_TYPES as string[]).includes(type)) return;
    event.preventDefault();
    const at = { x: event.clientX, y: event.clientY };
    editor.addNode(type as NodeType, place(type as NodeType, at, "centre"));
  }

  function addAtCentre(type: NodeType) {
    const pane = document.querySelector(".react-flow")?.getBoundingClientRect();
    const centre = pane
      ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 }
      : { x: 0, y: 0 };
    editor.addNode(type, place(type, centre, "centre"));
  }

  return (
    <div className="canvas-area" ref={area}>
      <Palette onAdd={addAtCentre} disabled={readOnly} />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: double-click is a shortcut; the palette offers the same by keyboard */}
      <div
        className={simple ? "canvas canvas-simple" : "canvas"}
        onDoubleClick={onDoubleClick}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes(DRAG_TYPE) || e.dataTransfer.types.includes("Files")) {
            e.preventDefault();
            e.dataTransfer.dropEffect = "copy";
          }
        }}
        onDrop={onDrop}
      >
        <SimpleDetail.Provider value={simple}>
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={NODE_TYPES}
            edgeTypes={EDGE_TYPES}
            // Zoomed out nearly every step is on screen and culling would only cost its bookkeeping
            // on each frame; zoomed in, most are off screen and are not mounted.
            // In the overview every step is hidden: culling mounts none of them.
            onlyRenderVisibleElements={large && (overview || !simple)}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onConnectEnd={onConnectEnd}
            onNodeDragStop={editor.endDrag}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            snapToGrid
            snapGrid={SNAP}
            zoomOnDoubleClick={false}
            deleteKeyCode={null}
            selectionKeyCode="Shift"
            multiSelectionKeyCode={MULTI_SELECT_KEYS}
            minZoom={0.05}
            fitView
            fitViewOptions={fitOptions}
            ariaLabelConfig={ariaLabels}
          >
            {/* Zoomed out, the grid's dots would be under a pixel apart: a grey haze to paint. */}
            {!simple && <Background gap={GRID} />}
            {overview && Overview && <Overview />}
            {/* The overview is a map of the whole flow already; React Flow's minimap would draw
                every step again, as one element each, on every frame. */}
            {!overview && (
              <MiniMap
                pannable
                zoomable
                ariaLabel={t("canvas.minimap")}
                style={MINIMAP_STYLE}
                bgColor={MINIMAP.background}
                maskColor={MINIMAP.mask}
                maskStrokeColor={MINIMAP.viewportStroke}
                nodeColor={minimapColour}
              />
            )}
            <Controls fitViewOptions={FIT_VIEW_OPTIONS} />
          </ReactFlow>
        </SimpleDetail.Provider>
      </div>
      {importError && (
        <div className="canvas-error error pre" role="alert">
          {importError}
          <button type="button" onClick={() => setImportError(null)}>
            {t("common.close")}
          </button>
        </div>
      )}
      {inline && (
        <Suspense fallback={null}>
          <InlineEdit target={inline} onClose={() => setInline(null)} />
        </Suspense>
      )}
      {menu && (
        <Suspense fallback={null}>
          <AddMenu
            at={menu.screen}
            connecting={menu.from !== undefined}
            onClose={() => setMenu(null)}
            onPick={(type) => {
              editor.addNode(
                type,
                place(type, menu.screen, menu.from ? "input" : "centre"),
                menu.from,
              );
              setMenu(null);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
