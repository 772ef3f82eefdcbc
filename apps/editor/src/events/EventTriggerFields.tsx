import { type EventField, type EventTrigger, eventFieldTypeSchema } from "@convo/flow";
import { useState } from "react";
import { CheckField, ListField, SelectField, TextField, type useNodeSetter } from "../form/fields";
import { useT } from "../i18n";

type Setter = ReturnType<typeof useNodeSetter>;

/** An event trigger's form: its name, the fields its data carries (typed), a sample payload. */
export function EventTriggerFields({
  trigger,
  at,
  f,
}: {
  trigger: EventTrigger;
  at: (string | number)[];
  f: Setter;
}) {
  const t = useT();
  return (
    <>
      <TextField
        label={t("event.name")}
        value={trigger.event}
        onChange={(v) => f.set([...at, "event"], v)}
        onBlur={f.endGroup}
      />
      <ListField
        label={t("event.fields")}
        items={trigger.fields}
        onChange={(items) => f.replace([...at, "fields"], items)}
        itemLabel={(field) => (field.name ? `{{event.${field.name}}}` : t("event.field"))}
        add={[{ label: t("event.field"), create: (): EventField => ({ name: "", type: "text" }) }]}
        render={(field, j) => (
          <>
            <TextField
              label={t("event.fieldName")}
              value={field.name}
              onChange={(v) => f.set([...at, "fields", j, "name"], v)}
              onBlur={f.endGroup}
            />
            <SelectField
              label={t("event.fieldType")}
              value={field.type}
              options={eventFieldTypeSchema.options.map((type) => ({
                value: type,
                label: t(`event.type.${type}`),
              }))}
              onChange={(v) => f.replace([...at, "fields", j, "type"], v)}
            />
            <CheckField
              label={t("event.required")}
              checked={field.required === true}
              onChange={(v) => f.replace([...at, "fields", j, "required"], v ? true : undefined)}
            />
          </>
        )}
      />
      <SampleField trigger={trigger} at={at} f={f} />
    </>
  );
}

/** The sample payload as JSON text: kept while it does not parse, saved when it does. */
function SampleField({
  trigger,
  at,
  f,
}: {
  trigger: EventTrigger;
  at: (string | number)[];
  f: Setter;
}) {
  const t = useT();
  const [text, setText] = useState(() => JSON.stringify(trigger.sample ?? {}, null, 2));
  const [bad, setBad] = useState(false);
  return (
    <>
      <TextField
        label={t("event.sample")}
        value={text}
        multiline
        onChange={(v) => {
          setText(v);
          try {
            const parsed: unknown = JSON.parse(v === "" ? "{}" : v);
            if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw 0;
            setBad(false);
            f.replace([...at, "sample"], Object.keys(parsed).length ? parsed : undefined);
          } catch {
            setBad(true);
          }
        }}
        onBlur={f.endGroup}
      />
      {bad && <p className="hint error">{t("event.sampleInvalid")}</p>}
    </>
  );
}
