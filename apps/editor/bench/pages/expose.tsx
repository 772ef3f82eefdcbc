import { useReactFlow } from "@xyflow/react";
import { useEffect } from "react";

/** Lets the bench set the zoom (about the middle of the canvas) on either page, the same way. */
export function ExposeZoom() {
  const { zoomTo } = useReactFlow();
  useEffect(() => {
    (window as unknown as { __zoomTo: (z: number) => void }).__zoomTo = (z) => {
      void zoomTo(z);
    };
  }, [zoomTo]);
  return null;
}
