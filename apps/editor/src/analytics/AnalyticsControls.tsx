import { lazy, Suspense, useEffect } from "react";
import { loadPanelWords, useT } from "../i18n";
import { useAnalytics } from "./analytics-store";
import type { Period } from "./overlay";

// The fetching and the counting (and the tokens line's words) load when the switch is first on.
const AnalyticsPoller = lazy(() =>
  Promise.all([import("./AnalyticsPoller"), loadPanelWords()]).then(([m]) => ({
    default: m.AnalyticsPoller,
  })),
);

/** The toolbar's analytics switch and period; while on, the counts are fetched and refreshed. */
export function AnalyticsControls({ flowId }: { flowId: string }) {
  const t = useT();
  const enabled = useAnalytics((s) => s.enabled);
  const period = useAnalytics((s) => s.period);
  const error = useAnalytics((s) => s.error);
  const { setEnabled, setPeriod } = useAnalytics.getState();

  useEffect(() => () => useAnalytics.getState().setEnabled(false), []);

  return (
    <div className="analytics-controls">
      <button type="button" aria-pressed={enabled} onClick={() => setEnabled(!enabled)}>
        {t("analytics.toggle")}
      </button>
      {enabled && (
        <select
          aria-label={t("analytics.period")}
          value={period}
          onChange={(e) => setPeriod(e.target.value as Period)}
        >
          <option value="today">{t("analytics.today")}</option>
          <option value="7d">{t("analytics.7d")}</option>
          <option value="30d">{t("analytics.30d")}</option>
        </select>
      )}
      {enabled && (
        <Suspense fallback={null}>
          <AnalyticsPoller flowId={flowId} />
        </Suspense>
      )}
      {enabled && error && (
        <span className="error analytics-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
