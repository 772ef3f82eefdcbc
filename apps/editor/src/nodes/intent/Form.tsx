import { DEFAULT_MIN_CONFIDENCE, NODE_KINDS, type NodeOfType } from "@convo/flow";
import { ListField, NumberField, TextField, useNodeSetter } from "../../form/fields";
import { useFreshId } from "../../form/use-fresh-id";
import { useT } from "../../i18n";
import { useAiFormText } from "../../i18n/ai-forms";

/** The ranges the form offers, from the node kind (the schema reads the same). */
const LIMITS = NODE_KINDS.intent.limits;

/** The intents and their example phrases (one a line), and the confidence below which: Else. */
export function IntentForm({ node }: { node: NodeOfType<"intent"> }) {
  const t = useT();
  const a = useAiFormText();
  const f = useNodeSetter(node.id);
  const fresh = useFreshId();
  const d = node.data;
  return (
    <>
      <TextField
        label={a("ai.question")}
        value={d.question ?? ""}
        template
        placeholder={a("ai.questionPlaceholder")}
        onChange={(v) => f.set(["data", "question"], v.trim() === "" ? undefined : v)}
        onBlur={f.endGroup}
      />
      <ListField
        label={a("intent.intents")}
        items={d.intents}
        max={LIMITS.intents.max}
        onChange={(items) => f.replace(["data", "intents"], items.length > 0 ? items : d.intents)}
        itemLabel={(intent, i) => intent.name || a("intent.intent", { n: i + 1 })}
        add={[
          {
            label: a("intent.intent", { n: d.intents.length + 1 }),
            create: () => ({ id: fresh("intent"), name: "", examples: [] }),
          },
        ]}
        render={(intent, i) => (
          <>
            <TextField
              label={t("field.name")}
              value={intent.name}
              onChange={(v) => f.set(["data", "intents", i, "name"], v)}
              onBlur={f.endGroup}
            />
            <TextField
              label={a("intent.examples")}
              value={intent.examples.join("\n")}
              multiline
              placeholder={a("intent.examplesPlaceholder")}
              onChange={(v) =>
                f.set(
                  ["data", "intents", i, "examples"],
                  v.split("\n").slice(0, LIMITS.examples.max),
                )
              }
              onBlur={f.endGroup}
            />
          </>
        )}
      />
      <NumberField
        label={a("intent.minConfidence", { confidence: DEFAULT_MIN_CONFIDENCE })}
        value={d.minConfidence}
        {...LIMITS.minConfidence}
        step={0.05}
        onChange={(v) => f.set(["data", "minConfidence"], v)}
      />
      <NumberField
        label={t("field.timeoutMs")}
        value={d.timeoutMs}
        {...LIMITS.timeoutMs}
        onChange={(v) => f.set(["data", "timeoutMs"], v)}
      />
    </>
  );
}
