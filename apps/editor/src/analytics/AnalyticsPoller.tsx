import { useEffect, useMemo } from "react";
import { testApi } from "../api/test-api";
import { describeError } from "../common/errors";
import { useSession } from "../common/session";
import { useT } from "../i18n";
import { useEditor } from "../store/context";
import { useAnalytics } from "./analytics-store";
import { computeOverlay, periodRange, sameTokens, shareUnchanged, tokenSummary } from "./overlay";

const POLL_MS = 5_000;

/**
 * While the analytics are on: fetches the counts of the period and refreshes them, and shows the
 * flow's model tokens beside the switch. Loaded when the switch is first turned on (see
 * AnalyticsControls), so that opening a flow does not bring it.
 */
export function AnalyticsPoller({ flowId }: { flowId: string }) {
  const t = useT();
  const editor = useEditor();
  const token = useSession((s) => s.credentials) ?? "";
  const api = useMemo(() => testApi(token), [token]);
  const enabled = useAnalytics((s) => s.enabled);
  const period = useAnalytics((s) => s.period);

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function load() {
      useAnalytics.setState({ loading: true });
      try {
        const now = Date.now();
        const { from, to } = periodRange(period, now);
        const stats = await api.stats(flowId, from, to);
        if (stopped) return;
        const next = computeOverlay(editor.store.getState().flow, stats);
        const tokens = tokenSummary(stats, now);
        useAnalytics.setState((s) => ({
          byNode: shareUnchanged(s.byNode, next),
          tokens: sameTokens(s.tokens, tokens) ? s.tokens : tokens,
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

  return <TokensLine />;
}

/** "AI tokens: 340 today · 1200 in this period", each day's in its tooltip; nothing if none. */
function TokensLine() {
  const t = useT();
  const tokens = useAnalytics((s) => s.tokens);
  if (!tokens) return null;
  const days = tokens.byDay.map((d) => t("analytics.tokensOn", { day: d.day, tokens: d.tokens }));
  return (
    <span className="analytics-tokens" data-testid="analytics-tokens" title={days.join("\n")}>
      {t("analytics.tokens", { today: tokens.today, period: tokens.period })}
    </span>
  );
}
