import "./analytics.css";
import { memo } from "react";
import { useT } from "../i18n";
import { useActiveNode } from "../simulator/panel-store";
import { useAnalytics } from "./analytics-store";

/**
 * What a step shows on top of itself: the simulator's ring when the conversation is there, and
 * the analytics counts. Each selects only its own step's values.
 */
export const StepOverlay = memo(function StepOverlay({ nodeId }: { nodeId: string }) {
  const t = useT();
  const active = useActiveNode((s) => s.nodeId === nodeId);
  const counts = useAnalytics((s) => (s.enabled ? s.byNode.get(nodeId) : undefined));
  return (
    <>
      {active && <span className="sim-active-ring" data-testid="sim-active" aria-hidden="true" />}
      {counts && (
        <span className="analytics-badge" data-testid={`stats-${nodeId}`}>
          {t("analytics.entered", { count: counts.entered })}
          {counts.dropOff > 0 && (
            <span className="analytics-drop">
              {t("analytics.dropOff", { percent: Math.round(counts.dropRate * 100) })}
            </span>
          )}
        </span>
      )}
    </>
  );
});

/** The count of one output of a step, beside its handle. */
export const HandleCount = memo(function HandleCount({
  nodeId,
  handle,
}: {
  nodeId: string;
  handle: string;
}) {
  const count = useAnalytics((s) =>
    s.enabled ? s.byNode.get(nodeId)?.handles[handle]?.count : undefined,
  );
  if (count === undefined) return null;
  return (
    <span className="analytics-handle" data-testid={`stats-${nodeId}-${handle}`}>
      {count}
    </span>
  );
});
