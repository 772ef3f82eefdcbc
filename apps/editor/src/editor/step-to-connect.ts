import { nodeOutputs } from "@convo/flow";
import type { EditorState } from "../store/editor-store";

/**
 * The step the shortcut C connects: the one the keyboard is on, else the only one selected, as
 * long as it has an output to connect and the flow is not read-only. Null when there is none.
 */
export function stepToConnect(
  state: Pick<EditorState, "byId" | "selectedNodes" | "readOnly">,
  focusedId: string | null,
): string | null {
  if (state.readOnly !== null) return null;
  const id = focusedId ?? (state.selectedNodes.size === 1 ? [...state.selectedNodes][0] : null);
  const node = id ? state.byId.get(id) : undefined;
  return node && nodeOutputs(node).length > 0 ? node.id : null;
}
