import type { Flow, StepChangeKind } from "@convo/flow";
import type { Editor, EditorState } from "../../store/editor-store";

/**
 * Puts a published version (or a version compared with the draft) on the canvas in place of the
 * draft, and the draft back. The draft and its undo history wait aside meanwhile; autosave sends
 * nothing, because the editor is read-only before the document on screen changes.
 */
export function createVersionView(editor: Editor) {
  let aside: Pick<EditorState, "flow" | "past" | "future"> | null = null;

  function show(
    flow: Flow,
    version: number,
    compare: ReadonlyMap<string, StepChangeKind> | null = null,
  ): void {
    if (!aside) {
      const { flow: draft, past, future } = editor.store.getState();
      aside = { flow: draft, past, future };
    }
    editor.setReadOnly({ version });
    editor.resetFlow(flow);
    editor.setCompare(compare ? { version, steps: compare } : null);
  }

  function close(): void {
    const draft = aside;
    aside = null;
    editor.setCompare(null);
    if (draft) {
      editor.resetFlow(draft.flow);
      editor.store.setState({ past: draft.past, future: draft.future });
    }
    editor.setReadOnly(null);
  }

  return {
    show,
    close,
    /** Whether a version is on screen instead of the draft. */
    showing: () => aside !== null,
    /** The draft, wherever it is (on screen or aside). */
    draft: (): Flow => aside?.flow ?? editor.store.getState().flow,
  };
}

export type VersionView = ReturnType<typeof createVersionView>;
