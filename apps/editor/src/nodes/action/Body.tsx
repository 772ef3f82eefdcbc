import type { NodeOfType } from "@convo/flow";
import { useT } from "../../i18n";

export function ActionBody({ node }: { node: NodeOfType<"action"> }) {
  const t = useT();
  return (
    <ul className="rules">
      {node.data.steps.map((step, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id; order is their identity
        <li key={i}>
          {step.kind === "set_variable"
            ? `${step.variable} = ${step.value}`
            : step.kind === "set_field"
              ? `contact.${step.field} = ${step.value}`
              : step.kind === "http"
                ? `${step.method} ${step.url}`
                : step.kind === "remember"
                  ? `${t("step.remember")} ${step.externalId}`
                  : step.kind === "set_language"
                    ? t("common.labelled", { label: t("step.set_language"), value: step.language })
                    : `${t(`step.${step.kind}`)} #${step.tag}`}
        </li>
      ))}
    </ul>
  );
}
