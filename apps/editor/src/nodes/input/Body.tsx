import type { NodeOfType } from "@convo/flow";
import { useT } from "../../i18n";
import { bubbleClass } from "../bubble";

export function InputBody({ node }: { node: NodeOfType<"input"> }) {
  const t = useT();
  return (
    <div className="m-thread">
      <div className={`m-bubble${bubbleClass(node.data.question)}`}>
        {node.data.question || <span className="muted">{t("node.emptyText")}</span>}
      </div>
      <div className="muted small">
        {t(`validation.${node.data.validation.kind}`)} → <code>{`{{${node.data.variable}}}`}</code>
      </div>
    </div>
  );
}
