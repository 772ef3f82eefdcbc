import { lazy, Suspense, useEffect } from "react";
import { typingInField } from "../common/typing-in-field";
import { loadPanelWords, useT } from "../i18n";
import { useActiveNode, useTestPanel } from "./panel-store";

// The simulator, the sandbox and the engine load only when a tester opens the panel.
const TestPanel = lazy(() =>
  Promise.all([import("./TestPanel"), loadPanelWords()]).then(([panel]) => panel),
);

/** Opens the test panel with `R`; mounted once by the editor screen. */
export function TestPanelHost({ flowId }: { flowId: string }) {
  const t = useT();
  const open = useTestPanel((s) => s.open);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || typingInField(event.target)) return;
      if (event.key === "r" || event.key === "R") {
        event.preventDefault();
        useTestPanel.getState().toggle();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
  useEffect(() => {
    if (!open) useActiveNode.getState().set(null);
  }, [open]);
  useEffect(() => () => useTestPanel.getState().close(), []);
  if (!open) return null;
  return (
    <Suspense fallback={<p className="loading test-panel-loading">{t("common.loading")}</p>}>
      <TestPanel flowId={flowId} />
    </Suspense>
  );
}

/** The toolbar's Test button. */
export function TestButton() {
  const t = useT();
  const open = useTestPanel((s) => s.open);
  const toggle = useTestPanel((s) => s.toggle);
  return (
    <button type="button" onClick={toggle} aria-pressed={open} title="R">
      {t("test.button")}
    </button>
  );
}
