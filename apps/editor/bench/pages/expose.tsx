import { useReactFlow, useStoreApi } from "@xyflow/react";
import { useEffect } from "react";

/**
 * Lets the bench set the zoom (about the middle of the canvas) on either page, the same way, and
 * find where the step nearest the middle of the canvas is drawn: the bench presses the mouse there
 * whether the page draws that step as an element or on a canvas (the editor's overview).
 */
export function ExposeZoom() {
  const { zoomTo } = useReactFlow();
  const store = useStoreApi();
  useEffect(() => {
    const page = window as unknown as {
      __zoomTo: (z: number) => void;
      __stepNearMiddle: () => { id: string; x: number; y: number } | null;
    };
    page.__zoomTo = (z) => {
      void zoomTo(z);
    };
    page.__stepNearMiddle = () => {
      const { nodeLookup, transform, domNode } = store.getState();
      const pane = domNode?.getBoundingClientRect();
      if (!pane) return null;
      const [tx, ty, zoom] = transform;
      let best: { id: string; x: number; y: number } | null = null;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (const node of nodeLookup.values()) {
        const width = (node.measured.width ?? node.initialWidth ?? 0) * zoom;
        const height = (node.measured.height ?? node.initialHeight ?? 0) * zoom;
        const left = pane.left + tx + node.internals.positionAbsolute.x * zoom;
        const top = pane.top + ty + node.internals.positionAbsolute.y * zoom;
        const d = Math.hypot(
          left + width / 2 - (pane.left + pane.width / 2),
          top + height / 2 - (pane.top + pane.height / 2),
        );
        if (d < bestDistance) {
          bestDistance = d;
          // Near the top of the step, where both pages draw it (a title, a head).
          best = { id: node.id, x: left + width / 2, y: top + Math.min(8, height / 2) };
        }
      }
      return best;
    };
  }, [zoomTo, store]);
  return null;
}
