import type { NodeOfType } from "@convo/flow";
import { useT } from "../../i18n";

export function ConditionBody({ node }: { node: NodeOfType<"condition"> }) {
  const t = useT();
  return (
    <ul className="rules">
      {node.data.branches.map((branch) => (
        <li key={branch.id}>
          {branch.rules
            .map((r) =>
              r.kind === "tag"
                ? `${t(`op.${r.op}`)} #${r.tag}`
                : `${r.kind === "contact" ? `contact.${r.field}` : r.name} ${t(`op.${r.op}`)} ${r.value ?? ""}`,
            )
            .join(branch.match === "all" ? ` ${t("condition.and")} ` : ` ${t("condition.or")} `) ||
            t("condition.always")}
        </li>
      ))}
    </ul>
  );
}
