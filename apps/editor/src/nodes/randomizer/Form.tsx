import type { NodeOfType } from "@convo/flow";
import { useT } from "../../i18n";
import {
  CheckField,
  ListField,
  NumberField,
  TextField,
  useNodeSetter,
} from "../../inspector/fields";
import { useFreshId } from "../../inspector/use-fresh-id";

export function RandomizerForm({ node }: { node: NodeOfType<"randomizer"> }) {
  const t = useT();
  const f = useNodeSetter(node.id);
  const fresh = useFreshId();
  return (
    <>
      <ListField
        label={t("field.variants")}
        items={node.data.variants}
        max={20}
        onChange={(items) => f.replace(["data", "variants"], items)}
        itemLabel={(v, i) =>
          v.label || t("output.variant", { letter: String.fromCharCode(65 + (i % 26)) })
        }
        add={[{ label: t("field.variant"), create: () => ({ id: fresh("variant"), weight: 50 }) }]}
        render={(v, i) => (
          <>
            <TextField
              label={t("field.label")}
              value={v.label ?? ""}
              onChange={(x) => f.set(["data", "variants", i, "label"], x === "" ? undefined : x)}
              onBlur={f.endGroup}
            />
            <NumberField
              label={t("field.weight")}
              value={v.weight}
              min={0}
              max={1000}
              onChange={(x) => f.set(["data", "variants", i, "weight"], x ?? 0)}
            />
          </>
        )}
      />
      <CheckField
        label={t("field.sticky")}
        checked={node.data.sticky ?? true}
        onChange={(x) => f.replace(["data", "sticky"], x ? undefined : false)}
      />
    </>
  );
}
