import type { NodeOfType } from "@convo/flow";
import { useT } from "../../i18n";
import { bubbleClass } from "../bubble";

/** The message the team gets, and what goes with it. */
export function NotifyBody({ node }: { node: NodeOfType<"notify"> }) {
  const t = useT();
  const variables = node.data.variables ?? [];
  return (
    <>
      <div className={`m-bubble${bubbleClass(node.data.text)}`}>{node.data.text}</div>
      <p className="muted small">
        {variables.length > 0
          ? t("notify.withVariables", { names: variables.join(", ") })
          : t("notify.withLink")}
      </p>
    </>
  );
}
