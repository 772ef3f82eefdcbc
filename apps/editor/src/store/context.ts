import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { Editor, EditorState } from "./editor-store";

export const EditorContext = createContext<Editor | null>(null);

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error("useEditor outside <EditorContext>");
  return editor;
}

/** Reads a slice of the editor state; re-renders only when the selected value changes (Object.is). */
export function useEditorState<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditor().store, selector);
}
