import { lazy, Suspense, useState } from "react";
import { Tabs, tabIds } from "../common/Tabs";
import { useT } from "../i18n";
import { type TestTab, useTestPanel } from "./panel-store";
import { SimulatorView } from "./SimulatorView";
import "./test-panel.css";

const SandboxView = lazy(() =>
  import("../sandbox/SandboxView").then((m) => ({ default: m.SandboxView })),
);

const DOCKED_KEY = "convo.testPanelDocked";

/**
 * Whether the panel sits beside the step panel rather than over it, remembered across flows: a
 * tester who docks it wants to edit a step and try it again without closing anything.
 */
function useDocked(): [boolean, () => void] {
  const [docked, setDocked] = useState(() => localStorage.getItem(DOCKED_KEY) === "1");
  const toggle = () =>
    setDocked((was) => {
      localStorage.setItem(DOCKED_KEY, was ? "0" : "1");
      return !was;
    });
  return [docked, toggle];
}

/** The test panel: the simulator on the draft, or the sandbox (any channel) on the published flow. */
export default function TestPanel({ flowId }: { flowId: string }) {
  const t = useT();
  const tab = useTestPanel((s) => s.tab);
  const setTab = useTestPanel((s) => s.setTab);
  const close = useTestPanel((s) => s.close);
  const [docked, toggleDocked] = useDocked();
  const tabs: { id: TestTab; label: string }[] = [
    { id: "simulator", label: t("test.tabSimulator") },
    { id: "sandbox", label: t("test.tabSandbox") },
  ];
  return (
    <section className={`test-panel${docked ? " docked" : ""}`} aria-label={t("test.panel")}>
      <header className="test-panel-head">
        <Tabs tabs={tabs} selected={tab} onSelect={setTab} prefix="test-" />
        <button
          type="button"
          className="dock"
          onClick={toggleDocked}
          aria-pressed={docked}
          title={docked ? t("test.undock") : t("test.dock")}
        >
          {t("test.dockLabel")}
        </button>
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
