import type { NodeOfType } from "@convo/flow";
import { useT } from "../../i18n";

export function HandoverBody({ node }: { node: NodeOfType<"handover"> }) {
  const t = useT();
  return (
    <div className="m-thread">
      {node.data.message && <div className="m-bubble">{node.data.message}</div>}
      <p className="muted small">☺ {t("handover.summary")}</p>
    </div>
  );
}
