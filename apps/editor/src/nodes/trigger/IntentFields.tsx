import { DEFAULT_MIN_CONFIDENCE, type Trigger } from "@convo/flow";
import { NumberField, TextField, type useNodeSetter } from "../../form/fields";
import { useT } from "../../i18n";
import { useAiFormText } from "../../i18n/ai-forms";

type IntentTrigger = Extract<Trigger, { kind: "intent" }>;
type Setter = ReturnType<typeof useNodeSetter>;

/** The most example phrases an intent trigger takes (the schema's). */
const MAX_EXAMPLES = 20;

/** An intent trigger's name, example phrases (one a line) and minimum confidence. */
export function IntentTriggerFields({
  trigger,
  at,
  f,
}: {
  trigger: IntentTrigger;
  at: (string | number)[];
  f: Setter;
}) {
  const t = useT();
  const a = useAiFormText();
  return (
    <>
      <TextField
        label={t("field.name")}
        value={trigger.name}
        onChange={(v) => f.set([...at, "name"], v)}
        onBlur={f.endGroup}
      />
      <TextField
        label={a("intent.examples")}
        value={trigger.examples.join("\n")}
        multiline
        onChange={(v) => f.set([...at, "examples"], v.split("\n").slice(0, MAX_EXAMPLES))}
        onBlur={f.endGroup}
      />
      <NumberField
        label={a("intent.triggerMinConfidence", { confidence: DEFAULT_MIN_CONFIDENCE })}
        value={trigger.minConfidence}
        min={0}
        max={1}
        step={0.05}
        onChange={(v) => f.set([...at, "minConfidence"], v)}
      />
    </>
  );
}
