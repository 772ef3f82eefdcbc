import { useEffect, useMemo } from "react";
import { testApi } from "../api/test-api";
import { describeError } from "../common/errors";
import { useSession } from "../common/session";
import { useT } from "../i18n";
import { useEditor } from "../store/context";
import { useAnalytics } from "./analytics-store";
import { computeOverlay, type Period, periodRange, shareUnchanged } from "./overlay";

const POLL_MS = 5_000;

/** The toolbar's analytics switch and period; while on, the counts are fetched and refreshed. */
export function AnalyticsControls({ flowId }: { flowId: string }) {
  const t = useT();
  const editor = useEditor();
  const token = useSession((s) => s.credentials) ?? "";
  const api = useMemo(() => testApi(token), [token]);
  const enabled = useAnalytics((s) => s.enabled);
  const period = useAnalytics((s) => s.period);
  const error = useAnalytics((s) => s.error);
  const { setEnabled, setPeriod } = useAnalytics.getState();

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function load() {
      useAnalytics.setState({ loading: true });
      try {
        const { from, to } = periodRange(period, Date.now());
        const stats = await api.stats(flowId, from, to);
        if (stopped) return;
        const next = computeOverlay(editor.store.getState().flow, stats);
        useAnalytics.setState((s) => ({
          byNode: shareUnchanged(s.byNode, next),
          loading: false,
          error: null,
        }));
      } catch (e) {
        if (!stopped) useAnalytics.setState({ loading: false, error: describeError(t, e) });
      }
      if (!stopped) timer = setTimeout(load, POLL_MS);
    }
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [enabled, period, api, flowId, editor, t]);

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
      {enabled && error && (
        <span className="error analytics-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
