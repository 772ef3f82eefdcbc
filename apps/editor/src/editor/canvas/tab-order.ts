/**
 * Tab order on the canvas: the palette, then every step, then every connection, then React
 * Flow's controls. React Flow draws connections before steps in the page (so that lines pass
 * under cards), which would make Tab visit the lines first; this walks the order a person expects
 * instead. Shift+Tab walks it back.
 */
export function tabOnCanvas(
  area: HTMLElement,
  active: Element | null,
  back: boolean,
): HTMLElement | null {
  const ring = [
    ...area.querySelectorAll<HTMLElement>('.react-flow__node[tabindex="0"]'),
    ...area.querySelectorAll<HTMLElement>('.react-flow__edge[tabindex="0"]'),
  ];
  if (ring.length === 0 || !active) return null;
  const lastOfPalette = [
    ...area.querySelectorAll<HTMLElement>(".palette button:not(:disabled)"),
  ].at(-1);
  const firstAfter = area.querySelector<HTMLElement>(".react-flow__controls button");
  const at = ring.indexOf(active as HTMLElement);
  if (at >= 0)
    return (back ? (ring[at - 1] ?? lastOfPalette) : (ring[at + 1] ?? firstAfter)) ?? null;
  if (!back && active === lastOfPalette) return ring[0] ?? null;
  if (back && active === firstAfter) return ring.at(-1) ?? null;
  return null;
}
