import type { NodeOfType } from "@convo/flow";
import { useT } from "../../i18n";

export function TriggerBody({ node }: { node: NodeOfType<"trigger"> }) {
  const t = useT();
  return (
    <ul className="chips">
      {node.data.triggers.map((trigger, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: triggers have no id; order is their identity
        <li key={i} className="chip">
          {trigger.kind === "keyword"
            ? `${t(`match.${trigger.match}`)}: ${trigger.keywords.join(", ")}`
            : trigger.kind === "ref"
              ? `ref=${trigger.ref}`
              : trigger.kind === "postback"
                ? `${t("trigger.postback")}: ${trigger.payload}`
                : trigger.kind === "comment"
                  ? `${t("trigger.comment")}: ${trigger.keywords.join(", ") || t("trigger.anyComment")}`
                  : trigger.kind === "event"
                    ? `${t("trigger.event")}: ${trigger.event}`
                    : trigger.kind === "intent"
                      ? `${t("trigger.intent")}: ${trigger.name}`
                      : t(`trigger.${trigger.kind}`)}
        </li>
      ))}
    </ul>
  );
}
