import type { Rect } from "./geometry";

/**
 * What is drawn over the canvas and hides the steps under it: React Flow's panels (the minimap
 * and the zoom controls), the test panel, the toolbar's message and the canvas's error.
 */
const COVERING = ".react-flow__panel, .test-panel, .toolbar-message, .canvas-error";

/** The canvas's pane and what covers it, in screen pixels; null before the canvas is drawn. */
export function readCanvasScreen(): { pane: Rect; covers: Rect[] } | null {
  const element = document.querySelector(".react-flow");
  if (!element) return null;
  const pane = toRect(element.getBoundingClientRect());
  const covers = Array.from(document.querySelectorAll(COVERING), (e) =>
    toRect(e.getBoundingClientRect()),
  ).filter((r) => r.width > 0 && r.height > 0);
  return { pane, covers };
}

function toRect(r: DOMRect): Rect {
  return { x: r.left, y: r.top, width: r.width, height: r.height };
}
