import { lazy, Suspense } from "react";
import { Tabs, tabIds } from "../common/Tabs";
import { useT } from "../i18n";
import { type TestTab, useTestPanel } from "./panel-store";
import { SimulatorView } from "./SimulatorView";
import "./test-panel.css";

const SandboxView = lazy(() =>
  import("../sandbox/SandboxView").then((m) => ({ default: m.SandboxView })),
);

/** The test panel: the simulator on the draft, or the sandbox (any channel) on the published flow. */
export default function TestPanel({ flowId }: { flowId: string }) {
  const t = useT();
  const tab = useTestPanel((s) => s.tab);
  const setTab = useTestPanel((s) => s.setTab);
  const close = useTestPanel((s) => s.close);
  const tabs: { id: TestTab; label: string }[] = [
    { id: "simulator", label: t("test.tabSimulator") },
    { id: "sandbox", label: t("test.tabSandbox") },
  ];
  return (
    <section className="test-panel" aria-label={t("test.panel")}>
      <header className="test-panel-head">
        <Tabs tabs={tabs} selected={tab} onSelect={setTab} prefix="test-" />
        <button type="button" className="close" onClick={close} aria-label={t("test.close")}>
          ×
        </button>
      </header>
      <div
        role="tabpanel"
        id={tabIds("test-", tab).panel}
        aria-labelledby={tabIds("test-", tab).tab}
      >
        {tab === "simulator" ? (
          <SimulatorView flowId={flowId} />
        ) : (
          <Suspense fallback={<p className="loading">{t("common.loading")}</p>}>
            <SandboxView />
          </Suspense>
        )}
      </div>
    </section>
  );
}
