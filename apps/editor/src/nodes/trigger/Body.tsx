import type { NodeOfType } from "@convo/flow";
import { useT } from "../../i18n";

export function TriggerBody({ node }: { node: NodeOfType<"trigger"> }) {
  const t = useT();
  const labelled = (label: string, value: string) => t("common.labelled", { label, value });
  return (
    <ul className="chips">
      {node.data.triggers.map((trigger, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: triggers have no id; order is their identity
        <li key={i} className="chip">
          {trigger.kind === "keyword"
            ? labelled(t(`match.${trigger.match}`), trigger.keywords.join(", "))
            : trigger.kind === "ref"
              ? `ref=${trigger.ref}`
              : trigger.kind === "postback"
                ? labelled(t("trigger.postback"), trigger.payload)
                : trigger.kind === "comment"
                  ? labelled(
                      t("trigger.comment"),
                      trigger.keywords.join(", ") || t("trigger.anyComment"),
                    )
                  : trigger.kind === "event"
                    ? labelled(t("trigger.event"), trigger.event)
                    : trigger.kind === "intent"
                      ? labelled(t("trigger.intent"), trigger.name)
                      : t(`trigger.${trigger.kind}`)}
        </li>
      ))}
    </ul>
  );
}
