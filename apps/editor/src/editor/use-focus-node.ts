import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import { useEditor } from "../store/context";

/** Selects a step and brings it to the middle of the canvas. */
export function useFocusNode(): (id: string) => void {
  const editor = useEditor();
  const { setCenter, getZoom } = useReactFlow();
  return useCallback(
    (id: string) => {
      const state = editor.store.getState();
      const node = state.byId.get(id);
      if (!node) return;
      editor.select([id]);
      const size = state.measured.get(id) ?? { width: 240, height: 120 };
      void setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, {
        zoom: Math.max(getZoom(), 0.8),
        duration: 300,
      });
    },
    [editor, setCenter, getZoom],
  );
}
