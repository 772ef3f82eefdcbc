import type { Flow, FlowProblem } from "@convo/flow";
import type { Editor } from "../../store/editor-store";
import { type ProblemsAnswer, type SentState, syncMessage, takeProblems } from "./sync";

let channelLint: Promise<typeof import("@convo/messenger/channel")> | undefined;

/** Edits pause this long before the draft is linted again. */
export const LINT_DEBOUNCE_MS = 250;
/** From this many steps the lint runs in a worker, so no frame waits for it. */
export const WORKER_FROM_NODES = 500;

/**
 * Keeps the editor's problems up to date with its draft: never during a gesture (debounced), never
 * before the first paint, and in a worker once the flow is large. Returns the disposer.
 */
export function startLint(editor: Editor, knownFlows: readonly string[] = []): () => void {
  let worker: Worker | null = null;
  const sent: SentState = { nodes: new Map(), edges: new Map() };
  /** The worker's last answer, which its next one refers to. */
  let answered: FlowProblem[] = [];
  let seq = 0;
  let disposed = false;
  // Each channel the flow is published to, naming the channel where they differ. The channels'
  // lint is fetched with the first lint, after the canvas is drawn, so opening a flow does not
  // wait for it (6 KB gzip of its JS). Lints resolve in the order asked.
  const inline = async (flow: Flow) => {
    channelLint ??= import("@convo/messenger/channel");
    const { lintForChannels } = await channelLint;
    if (!disposed) editor.setProblems(lintForChannels(flow, { knownFlows }));
  };
  const lint = () => {
    const flow = editor.store.getState().flow;
    if (flow.nodes.length < WORKER_FROM_NODES || typeof Worker === "undefined") {
      void inline(flow);
      return;
    }
    if (!worker) {
      worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
      worker.onmessage = (event: MessageEvent<{ seq: number; problems: ProblemsAnswer }>) => {
        // Every answer is taken in (the next one is written against it), but one for a draft
        // older than the last one sent is not shown.
        answered = takeProblems(answered, event.data.problems);
        if (event.data.seq === seq) editor.setProblems(answered);
      };
    }
    seq += 1;
    worker.postMessage(syncMessage(sent, flow, seq, knownFlows));
  };
  // The first lint waits for the canvas to be drawn.
  let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(lint, 0);
  const unsubscribe = editor.store.subscribe((now, before) => {
    if (now.flow === before.flow) return;
    clearTimeout(timer);
    timer = setTimeout(lint, LINT_DEBOUNCE_MS);
  });
  return () => {
    disposed = true;
    clearTimeout(timer);
    unsubscribe();
    worker?.terminate();
  };
}
