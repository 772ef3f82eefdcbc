import { NODE_KINDS, type NodeOfType, type Validation } from "@convo/flow";
import { MESSENGER_LIMITS as L } from "@convo/messenger/limits";
import {
  CheckField,
  ListField,
  NumberField,
  SelectField,
  TextField,
  useNodeSetter,
} from "../../form/fields";
import { useFreshId } from "../../form/use-fresh-id";
import { useT } from "../../i18n";

const KINDS: Validation["kind"][] = ["text", "number", "email", "phone", "date", "choice"];

/** The ranges the form offers, from the node kind (the schema reads the same). */
const LIMITS = NODE_KINDS.input.limits;

export function InputForm({ node }: { node: NodeOfType<"input"> }) {
  const t = useT();
  const f = useNodeSetter(node.id);
  const fresh = useFreshId();
  const d = node.data;
  const v = d.validation;
  const opt = (key: string) => (value: number | undefined) =>
    f.set(["data", "validation", key], value);
  return (
    <>
      <TextField
        label={t("field.question")}
        value={d.question}
        multiline
        template
        limit={L.text}
        onChange={(x) => f.set(["data", "question"], x)}
        onBlur={f.endGroup}
      />
      <TextField
        label={t("field.variable")}
        value={d.variable}
        onChange={(x) => f.set(["data", "variable"], x)}
        onBlur={f.endGroup}
      />
      <SelectField
        label={t("field.validation")}
        value={v.kind}
        options={KINDS.map((k) => ({ value: k, label: t(`validation.${k}`) }))}
        onChange={(k) =>
          f.replace(
            ["data", "validation"],
            k === "choice"
              ? { kind: k, choices: [{ id: fresh("choice"), title: "" }] }
              : { kind: k },
          )
        }
      />
      {v.kind === "text" && (
        <>
          <NumberField
            label={t("field.minLength")}
            value={v.minLength}
            {...LIMITS.minLength}
            onChange={opt("minLength")}
          />
          <NumberField
            label={t("field.maxLength")}
            value={v.maxLength}
            {...LIMITS.maxLength}
            onChange={opt("maxLength")}
          />
        </>
      )}
      {v.kind === "number" && (
        <>
          <NumberField label={t("field.min")} value={v.min} onChange={opt("min")} />
          <NumberField label={t("field.max")} value={v.max} onChange={opt("max")} />
          <CheckField
            label={t("field.integer")}
            checked={v.integer ?? false}
            onChange={(x) => f.replace(["data", "validation", "integer"], x || undefined)}
          />
        </>
      )}
      {v.kind === "choice" && (
        <ListField
          label={t("field.choices")}
          items={v.choices}
          max={L.quickReplies}
          onChange={(items) => f.replace(["data", "validation", "choices"], items)}
          itemLabel={(c, i) => c.title || t("field.replyN", { n: i + 1 })}
          add={[{ label: t("field.choice"), create: () => ({ id: fresh("choice"), title: "" }) }]}
          render={(c, i) => (
            <>
              <TextField
                label={t("field.title")}
                value={c.title}
                limit={L.quickReplyTitle}
                onChange={(x) => f.set(["data", "validation", "choices", i, "title"], x)}
                onBlur={f.endGroup}
              />
              <TextField
                label={t("field.storedValue")}
                value={c.value ?? ""}
                onChange={(x) =>
                  f.set(["data", "validation", "choices", i, "value"], x === "" ? undefined : x)
                }
                onBlur={f.endGroup}
              />
            </>
          )}
        />
      )}
      {(v.kind === "email" || v.kind === "phone") && (
        <CheckField
          label={t("field.offerContact")}
          checked={d.offerContactQuickReply ?? false}
          onChange={(x) => f.replace(["data", "offerContactQuickReply"], x || undefined)}
        />
      )}
      <TextField
        label={t("field.retryText")}
        value={d.retryText ?? ""}
        multiline
        template
        onChange={(x) => f.set(["data", "retryText"], x === "" ? undefined : x)}
        onBlur={f.endGroup}
      />
      <NumberField
        label={t("field.retryLimit")}
        value={d.retryLimit}
        {...LIMITS.retryLimit}
        onChange={(x) => f.set(["data", "retryLimit"], x)}
      />
      <NumberField
        label={t("field.timeoutSeconds")}
        value={d.timeoutSeconds}
        {...LIMITS.timeoutSeconds}
        onChange={(x) => f.set(["data", "timeoutSeconds"], x)}
      />
    </>
  );
}
