import { type Flow, lintFlow } from "@convo/flow";
import { CHANNEL_SPECS } from "@convo/messenger/channel";
import { ReactFlowProvider } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { createRoot } from "react-dom/client";
import { useSession } from "../../src/common/session";
import { Canvas } from "../../src/editor/canvas/Canvas";
import { EditorContext } from "../../src/store/context";
import { createEditor } from "../../src/store/editor-store";
import "../../src/styles.css";

// The editor's own canvas, store and lint loop, on the flow the bench put in the page.
const flow = (window as unknown as { __FLOW__: Flow }).__FLOW__;
// The canvas can import dropped files, so it needs a signed-in client; the bench sends nothing.
useSession.getState().signIn("bench");
const editor = createEditor(flow);
let timer: ReturnType<typeof setTimeout> | undefined;
editor.store.subscribe((now, before) => {
  if (now.flow === before.flow) return;
  clearTimeout(timer);
  timer = setTimeout(
    () =>
      editor.setProblems(
        lintFlow(editor.store.getState().flow, { channel: CHANNEL_SPECS.messenger }),
      ),
    250,
  );
});
editor.setProblems(lintFlow(flow, { channel: CHANNEL_SPECS.messenger }));

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <EditorContext.Provider value={editor}>
      <ReactFlowProvider>
        <div className="editor-body" style={{ height: "100vh", gridTemplateColumns: "1fr" }}>
          <Canvas />
        </div>
      </ReactFlowProvider>
    </EditorContext.Provider>,
  );
}
