import { createContext, useContext } from "react";

/**
 * Below this zoom a step's text is too small to read, so steps are drawn as simple boxes (title
 * and type colour) and connections as plain lines: the browser lays out and paints a fraction of
 * what the full cards need. The switch is one context change; nothing moves. At 0.3 a 13-px text
 * is 4 px high; every example flow fits the screen above it, so small flows never see the boxes.
 */
export const SIMPLE_BELOW_ZOOM = 0.3;

/** From this many steps the canvas, in full detail, mounts only what is on screen. */
export const CULL_FROM_NODES = 200;

export const SimpleDetail = createContext(false);

/** True while the canvas is zoomed out far enough for simple boxes. */
export function useSimpleDetail(): boolean {
  return useContext(SimpleDetail);
}

/**
 * A simple box's title, shortened to what its 22-px bold line holds (about 15 characters in its
 * 198 px), so the box needs no clip to keep the text inside it.
 */
export function fitTitle(title: string, room = 15): string {
  const chars = [...title];
  return chars.length <= room
    ? title
    : `${chars
        .slice(0, room - 1)
        .join("")
        .trimEnd()}…`;
}
