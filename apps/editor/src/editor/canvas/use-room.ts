import { type NodeType, newNode } from "@convo/flow";
import { type FitViewOptions, useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import { useEditor } from "../../store/context";
import { readCanvasScreen } from "./covering";
import { fitPadding, type Padding } from "./fit";
import { estimateSize, type Point, type Rect } from "./geometry";
import { placeStep } from "./placement";

export const GRID = 16;
/** Free space kept around a new step, and around the steps when fitting them in view. */
const GAP = 24;
const NO_IDS = new Set<string>();
const ORIGIN = { x: 0, y: 0 };

/** React Flow's padding option, in pixels. */
export function paddingOption(p: Padding): FitViewOptions["padding"] {
  return { top: `${p.top}px`, right: `${p.right}px`, bottom: `${p.bottom}px`, left: `${p.left}px` };
}

/** The fit options that keep the steps clear of what covers the canvas now. */
export function fitOptionsNow(content: { width: number; height: number }): FitViewOptions {
  const screen = readCanvasScreen();
  if (!screen) return { maxZoom: 1, includeHiddenNodes: true };
  const covers = screen.covers.map((c) => ({
    ...c,
    x: c.x - screen.pane.x,
    y: c.y - screen.pane.y,
  }));
  return {
    maxZoom: 1,
    padding: paddingOption(fitPadding(screen.pane, covers, content, GAP)),
    // In the overview every step is hidden from React Flow (Overview.tsx); they all count.
    includeHiddenNodes: true,
  };
}

/** "Fit": every step in view, none under the minimap, the controls or an open panel. */
export function useFit(): (duration?: number) => void {
  const { fitView, getNodes, getNodesBounds } = useReactFlow();
  return useCallback(
    (duration = 300) => {
      const nodes = getNodes();
      const bounds = nodes.length > 0 ? getNodesBounds(nodes) : { width: 1, height: 1 };
      void fitView({ ...fitOptionsNow(bounds), duration });
    },
    [fitView, getNodes, getNodesBounds],
  );
}

/**
 * Where a new step goes when asked for at a point of the screen: near it, in free space. With
 * `anchor: "input"` (a dropped connection) the step's input sits at the point; otherwise its centre.
 */
export function usePlacement(): (
  type: NodeType,
  screen: Point,
  anchor: "centre" | "input",
) => Point {
  const editor = useEditor();
  const { screenToFlowPosition } = useReactFlow();
  return useCallback(
    (type, screen, anchor) => {
      const toFlow = (p: Point) => screenToFlowPosition(p, { snapToGrid: false });
      const toFlowRect = (r: Rect): Rect => {
        const a = toFlow(r);
        const b = toFlow({ x: r.x + r.width, y: r.y + r.height });
        return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
      };
      const size = estimateSize(newNode(type, ORIGIN, NO_IDS));
      const { flow, measured } = editor.store.getState();
      const steps = flow.nodes.map((n) => ({
        ...n.position,
        ...(measured.get(n.id) ?? estimateSize(n)),
      }));
      const at = toFlow(screen);
      const wanted =
        anchor === "input"
          ? { x: at.x, y: at.y - size.height / 2 }
          : { x: at.x - size.width / 2, y: at.y - size.height / 2 };
      const canvas = readCanvasScreen();
      return placeStep({
        wanted,
        size,
        steps,
        covered: canvas ? canvas.covers.map(toFlowRect) : [],
        view: canvas ? toFlowRect(canvas.pane) : null,
        grid: GRID,
        gap: GAP,
      });
    },
    [editor, screenToFlowPosition],
  );
}
