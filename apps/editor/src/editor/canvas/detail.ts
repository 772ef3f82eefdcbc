import { createContext, useContext } from "react";

/**
 * Below this zoom a step's text is too small to read, so steps are drawn as simple boxes (title
 * and type colour) and connections as plain lines: the browser lays out and paints a fraction of
 * what the full cards need. The switch is one context change; nothing moves.
 */
export const SIMPLE_BELOW_ZOOM = 0.5;

/** From this many steps the canvas mounts only what is on screen. */
export const CULL_FROM_NODES = 200;

export const SimpleDetail = createContext(false);

/** True while the canvas is zoomed out far enough for simple boxes. */
export function useSimpleDetail(): boolean {
  return useContext(SimpleDetail);
}
