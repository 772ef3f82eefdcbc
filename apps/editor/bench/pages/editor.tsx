import type { Flow } from "@convo/flow";
import { ReactFlowProvider } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { createRoot } from "react-dom/client";
import { useSession } from "../../src/common/session";
import { Canvas } from "../../src/editor/canvas/Canvas";
import { startLint } from "../../src/editor/lint/runner";
import { EditorContext } from "../../src/store/context";
import { createEditor } from "../../src/store/editor-store";
import "../../src/styles.css";
import { ExposeZoom } from "./expose";

// The editor's own canvas, store and lint loop (startLint, as EditorPage runs it), on the flow the bench put in the page.
const flow = (window as unknown as { __FLOW__: Flow }).__FLOW__;
// The canvas can import dropped files, so it needs a signed-in client; the bench sends nothing.
useSession.getState().signIn("bench");
const editor = createEditor(flow);
// ?lint=off leaves the lint out: the baseline of lint-frames.ts, the same edits without it.
if (new URLSearchParams(location.search).get("lint") !== "off") startLint(editor);
// lint-frames.ts makes its edits through the store and reads the lint's answers from it.
(window as unknown as { __editor: typeof editor }).__editor = editor;

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <EditorContext.Provider value={editor}>
      <ReactFlowProvider>
        <div className="editor-body" style={{ height: "100vh", gridTemplateColumns: "1fr" }}>
          <Canvas />
        </div>
        <ExposeZoom />
      </ReactFlowProvider>
    </EditorContext.Provider>,
  );
}
