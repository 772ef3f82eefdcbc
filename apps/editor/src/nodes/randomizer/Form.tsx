import { NODE_KINDS, type NodeOfType } from "@convo/flow";
import { CheckField, ListField, NumberField, TextField, useNodeSetter } from "../../form/fields";
import { useFreshId } from "../../form/use-fresh-id";
import { useT } from "../../i18n";

/** The ranges the form offers, from the node kind (the schema reads the same). */
const LIMITS = NODE_KINDS.randomizer.limits;

export function RandomizerForm({ node }: { node: NodeOfType<"randomizer"> }) {
  const t = useT();
  const f = useNodeSetter(node.id);
  const fresh = useFreshId();
  return (
    <>
      <ListField
        label={t("field.variants")}
        items={node.data.variants}
        max={LIMITS.variants.max}
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
              {...LIMITS.weight}
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
