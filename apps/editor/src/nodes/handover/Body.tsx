import type { NodeOfType } from "@convo/flow";
import { useT } from "../../i18n";
import { bubbleClass } from "../bubble";

export function HandoverBody({ node }: { node: NodeOfType<"handover"> }) {
  const t = useT();
  return (
    <div className="m-thread">
      {node.data.message && (
        <div className={`m-bubble${bubbleClass(node.data.message)}`}>{node.data.message}</div>
      )}
      <p className="muted small">☺ {t("handover.summary")}</p>
    </div>
  );
}
