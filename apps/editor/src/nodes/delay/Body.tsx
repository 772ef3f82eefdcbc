import type { NodeOfType } from "@convo/flow";
import { useT } from "../../i18n";

export function DelayBody({ node }: { node: NodeOfType<"delay"> }) {
  const t = useT();
  return <p>◷ {t(`unit.${node.data.unit}`, { count: node.data.amount })}</p>;
}
