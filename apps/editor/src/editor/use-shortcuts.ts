import { type Fragment, isFragment } from "@convo/flow";
import { useEffect } from "react";
import { typingInField } from "../common/typing-in-field";
import { useEditor } from "../store/context";
import { estimateSize, type Rect } from "./canvas/geometry";
import { pasteOffset } from "./canvas/placement";
import { GRID, useFit } from "./canvas/use-room";
import type { Overlay } from "./EditorScreen";
import type { Autosave } from "./save/autosave";
import { stepToConnect } from "./step-to-connect";

/** The clipboard shared by every tab of this browser, beside the system clipboard. */
const CLIPBOARD_KEY = "convo.clipboard";

function storedFragment(): Fragment | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(CLIPBOARD_KEY) ?? "null");
    return isFragment(value) ? value : null;
  } catch {
    return null;
  }
}

/** Pasted steps go where none of the canvas's steps are (see `pasteOffset`). */
function rectsOf(
  nodes: Fragment["nodes"],
  measured: ReadonlyMap<string, { width: number; height: number }>,
): Rect[] {
  return nodes.map((n) => ({ ...n.position, ...(measured.get(n.id) ?? estimateSize(n)) }));
}

/** Keyboard shortcuts of the canvas (listed in the help overlay). Fields keep their own keys. */
export function useShortcuts(autosave: Autosave, setOverlay: (o: Overlay) => void): void {
  const editor = useEditor();
  const fitSteps = useFit();
  useEffect(() => {
    const freeOffset = (fragment: Fragment) => {
      const { flow, measured } = editor.store.getState();
      return pasteOffset(
        rectsOf(fragment.nodes, measured),
        rectsOf(flow.nodes, measured),
        GRID,
        24,
      );
    };
    function onKeyDown(event: KeyboardEvent) {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === "s") {
        event.preventDefault();
        void autosave.flush();
        return;
      }
      if (mod && key === "f") {
        event.preventDefault();
        setOverlay("search");
        return;
      }
      if (event.key === "Escape") {
        setOverlay(null);
        return;
      }
      if (typingInField(event.target)) return;
      if (mod && key === "z" && !event.shiftKey) {
        event.preventDefault();
        editor.undo();
      } else if (mod && ((key === "z" && event.shiftKey) || key === "y")) {
        event.preventDefault();
        editor.redo();
      } else if (mod && key === "a") {
        event.preventDefault();
        editor.selectAll();
      } else if (mod && key === "d") {
        event.preventDefault();
        const copy = editor.copySelection();
        if (copy) editor.paste(copy, freeOffset(copy));
      } else if (event.key === "Delete" || event.key === "Backspace") {
        event.preventDefault();
        editor.deleteSelection();
      } else if (event.key === "?") {
        setOverlay("help");
      } else if (!mod && key === "f" && event.shiftKey) {
        fitSteps();
      } else if (!mod && !event.altKey && key === "c") {
        // The step to connect: the one the keyboard is on, else the one selected.
        const focused = (event.target as Element | null)
          ?.closest?.(".react-flow__node")
          ?.getAttribute("data-id");
        const id = stepToConnect(editor.store.getState(), focused ?? null);
        if (id) {
          editor.select([id]);
          setOverlay("connect");
        }
      }
    }
    function onCopy(event: ClipboardEvent) {
      if (typingInField(event.target)) return;
      const fragment = editor.copySelection();
      if (!fragment) return;
      const text = JSON.stringify(fragment);
      localStorage.setItem(CLIPBOARD_KEY, text);
      event.clipboardData?.setData("text/plain", text);
      event.preventDefault();
    }
    function onCut(event: ClipboardEvent) {
      onCopy(event);
      if (!typingInField(event.target)) editor.deleteSelection();
    }
    function onPaste(event: ClipboardEvent) {
      if (typingInField(event.target)) return;
      let fragment: Fragment | null = null;
      try {
        const value: unknown = JSON.parse(event.clipboardData?.getData("text/plain") ?? "");
        if (isFragment(value)) fragment = value;
      } catch {
        // Not ours: fall back to what the last copy in this browser left.
      }
      fragment ??= storedFragment();
      if (!fragment) return;
      event.preventDefault();
      editor.paste(fragment, freeOffset(fragment));
    }
    window.addEventListener("keydown", onKeyDown);
    document.addEventListener("copy", onCopy);
    document.addEventListener("cut", onCut);
    document.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("copy", onCopy);
      document.removeEventListener("cut", onCut);
      document.removeEventListener("paste", onPaste);
    };
  }, [editor, autosave, setOverlay, fitSteps]);
}
