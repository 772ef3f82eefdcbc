import { freshId, takenIds } from "@convo/flow";
import { useEditor } from "../store/context";

/** A maker of ids unused anywhere in the flow, for new buttons, replies, branches and variants. */
export function useFreshId(): (prefix: string) => string {
  const editor = useEditor();
  return (prefix) => freshId(prefix, takenIds(editor.store.getState().flow));
}
