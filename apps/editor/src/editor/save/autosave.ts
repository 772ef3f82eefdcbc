import type { Flow } from "@convo/flow";
import { createStore } from "zustand/vanilla";
import { type ApiClient, ApiError, OfflineError } from "../../api/client";
import type { Editor } from "../../store/editor-store";

export type SaveStatus = "saved" | "pending" | "saving" | "offline" | "conflict" | "error";

export interface SaveState {
  status: SaveStatus;
  /** The revision the next save starts from. */
  revision: number;
  error: string | null;
}

/** Unsent drafts survive a closed tab or a dropped network here, per flow. */
export function localDraftKey(flowId: string): string {
  return `convo.draft.${flowId}`;
}

export interface LocalDraft {
  flow: Flow;
  revision: number;
}

export function readLocalDraft(flowId: string): LocalDraft | null {
  try {
    const text = localStorage.getItem(localDraftKey(flowId));
    return text ? (JSON.parse(text) as LocalDraft) : null;
  } catch {
    return null;
  }
}

const DEBOUNCE_MS = 800;
const RETRY_MS = 5000;

/**
 * Sends the draft to the runtime a moment after each change, with the revision it started from.
 * Another tab's newer save answers 409 and stops autosaving until the user picks a side; a network
 * failure keeps the draft in localStorage and sends it when the browser is back online.
 */
export function createAutosave(
  editor: Editor,
  api: ApiClient,
  flowId: string,
  start: { revision: number; saved: Flow },
) {
  const state = createStore<SaveState>(() => ({
    status: "saved",
    revision: start.revision,
    error: null,
  }));
  let saved = start.saved;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;

  const dirty = () => editor.store.getState().flow !== saved;

  function keepLocally(): void {
    const draft: LocalDraft = {
      flow: editor.store.getState().flow,
      revision: state.getState().revision,
    };
    try {
      localStorage.setItem(localDraftKey(flowId), JSON.stringify(draft));
    } catch {
      // Storage full or disabled: the in-memory draft is still there and retried.
    }
  }

  function schedule(delay = DEBOUNCE_MS): void {
    clearTimeout(timer);
    timer = setTimeout(() => void save(), delay);
  }

  async function save(): Promise<void> {
    if (inFlight) {
      await inFlight;
      if (dirty()) return save();
      return;
    }
    const { status, revision } = state.getState();
    if (status === "conflict" || editor.store.getState().readOnly || !dirty()) return;
    const flow = editor.store.getState().flow;
    state.setState({ status: "saving", error: null });
    keepLocally();
    inFlight = (async () => {
      try {
        const answer = await api.saveFlow(flowId, flow, revision);
        saved = flow;
        state.setState({ revision: answer.revision });
        if (dirty()) {
          state.setState({ status: "pending" });
          schedule();
        } else {
          localStorage.removeItem(localDraftKey(flowId));
          state.setState({ status: "saved" });
        }
      } catch (error) {
        if (error instanceof OfflineError) {
          state.setState({ status: "offline" });
          schedule(RETRY_MS);
        } else if (error instanceof ApiError && error.code === "revision_conflict") {
          state.setState({ status: "conflict" });
        } else {
          state.setState({
            status: "error",
            error:
              error instanceof ApiError
                ? [error.message, ...error.issues.map((i) => `${i.path}: ${i.message}`)].join("\n")
                : String(error),
          });
        }
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  }

  const unsubscribe = editor.store.subscribe((now, before) => {
    if (now.flow === before.flow || now.readOnly) return;
    if (!dirty()) {
      // Undo then redo can come back to the very document last saved: nothing is left to send.
      if (state.getState().status === "pending") {
        clearTimeout(timer);
        state.setState({ status: "saved" });
      }
      return;
    }
    if (state.getState().status === "saved") state.setState({ status: "pending" });
    schedule();
  });
  const onOnline = () => {
    if (state.getState().status === "offline") void save();
  };
  const onUnload = () => {
    if (dirty()) keepLocally();
  };
  window.addEventListener("online", onOnline);
  window.addEventListener("beforeunload", onUnload);

  return {
    state,
    /** Saves now; resolves once the draft on the runtime is the one on screen. */
    async flush(): Promise<boolean> {
      clearTimeout(timer);
      await save();
      return !dirty() && state.getState().status === "saved";
    },
    /** Keeps what is on screen: saves it over the other tab's version. */
    async overwrite(): Promise<void> {
      const current = await api.getFlow(flowId);
      state.setState({ status: "pending", revision: current.revision });
      saved = current.flow;
      await save();
    },
    /** Takes the other tab's version and drops the local one. */
    async reloadTheirs(): Promise<void> {
      const current = await api.getFlow(flowId);
      saved = current.flow;
      localStorage.removeItem(localDraftKey(flowId));
      editor.resetFlow(current.flow);
      state.setState({ status: "saved", revision: current.revision, error: null });
    },
    /** The runtime changed the draft itself (a restore): adopt its revision without re-sending. */
    adopt(flow: Flow, revision: number): void {
      saved = flow;
      state.setState({ status: dirty() ? "pending" : "saved", revision });
      if (dirty()) schedule();
    },
    markConflict(): void {
      state.setState({ status: "conflict" });
    },
    /** Stops watching; a change not sent yet is kept on this device and sent now. */
    dispose(): void {
      clearTimeout(timer);
      unsubscribe();
      if (dirty() && state.getState().status !== "conflict") {
        keepLocally();
        void save();
      }
      window.removeEventListener("online", onOnline);
      window.removeEventListener("beforeunload", onUnload);
    },
  };
}

export type Autosave = ReturnType<typeof createAutosave>;
