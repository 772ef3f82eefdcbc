import { type ActionStep, NODE_KINDS, type NodeOfType } from "@convo/flow";
import { ListField, NumberField, SelectField, TextField, useNodeSetter } from "../../form/fields";
import { useT } from "../../i18n";
import { HttpTest } from "./HttpTest";

const KINDS: ActionStep["kind"][] = [
  "set_variable",
  "add_tag",
  "remove_tag",
  "set_field",
  "remember",
  "set_language",
  "http",
];
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function blank(kind: ActionStep["kind"]): ActionStep {
  switch (kind) {
    case "set_variable":
      return { kind, variable: "answer", value: "" };
    case "set_field":
      return { kind, field: "city", value: "" };
    case "http":
      return { kind, method: "GET", url: "https://" };
    case "remember":
      return { kind, externalId: "" };
    case "set_language":
      return { kind, language: "en" };
    case "add_tag":
    case "remove_tag":
      return { kind, tag: "" };
  }
}

/** The ranges the form offers, from the node kind (the schema reads the same). */
const LIMITS = NODE_KINDS.action.limits;

export function ActionForm({ node }: { node: NodeOfType<"action"> }) {
  const t = useT();
  const f = useNodeSetter(node.id);
  return (
    <ListField
      label={t("field.steps")}
      items={node.data.steps}
      onChange={(items) => f.replace(["data", "steps"], items)}
      itemLabel={(s) => t(`step.${s.kind}`)}
      add={KINDS.map((k) => ({ label: t(`step.${k}`), create: () => blank(k) }))}
      render={(step, i) => {
        const at = ["data", "steps", i];
        const text = (key: string, label: string, value: string, template = true) => (
          <TextField
            label={label}
            value={value}
            template={template}
            onChange={(v) => f.set([...at, key], v)}
            onBlur={f.endGroup}
          />
        );
        switch (step.kind) {
          case "set_variable":
            return (
              <>
                {text("variable", t("field.variable"), step.variable, false)}
                {text("value", t("field.value"), step.value)}
              </>
            );
          case "set_field":
            return (
              <>
                {text("field", t("field.contactField"), step.field, false)}
                {text("value", t("field.value"), step.value)}
              </>
            );
          case "add_tag":
          case "remove_tag":
            return text("tag", t("field.tag"), step.tag, false);
          case "remember":
            return text("externalId", t("field.externalId"), step.externalId);
          case "set_language":
            return text("language", t("field.languageCode"), step.language, false);
          case "http":
            return (
              <>
                <SelectField
                  label={t("field.method")}
                  value={step.method}
                  options={METHODS.map((m) => ({ value: m, label: m }))}
                  onChange={(v) => f.replace([...at, "method"], v)}
                />
                {text("url", t("field.url"), step.url)}
                <ListField
                  label={t("field.headers")}
                  items={step.headers ?? []}
                  onChange={(items) =>
                    f.replace([...at, "headers"], items.length ? items : undefined)
                  }
                  itemLabel={(h, j) => h.name || `#${j + 1}`}
                  add={[{ label: t("field.header"), create: () => ({ name: "", value: "" }) }]}
                  render={(h, j) => (
                    <>
                      <TextField
                        label={t("field.name")}
                        value={h.name}
                        onChange={(v) => f.set([...at, "headers", j, "name"], v)}
                        onBlur={f.endGroup}
                      />
                      <TextField
                        label={t("field.value")}
                        value={h.value}
                        template
                        onChange={(v) => f.set([...at, "headers", j, "value"], v)}
                        onBlur={f.endGroup}
                      />
                    </>
                  )}
                />
                <TextField
                  label={t("field.body")}
                  value={step.body ?? ""}
                  multiline
                  template
                  onChange={(v) => f.set([...at, "body"], v === "" ? undefined : v)}
                  onBlur={f.endGroup}
                />
                <NumberField
                  label={t("field.timeoutMs")}
                  value={step.timeoutMs}
                  {...LIMITS.timeoutMs}
                  onChange={(v) => f.set([...at, "timeoutMs"], v)}
                />
                <ListField
                  label={t("field.responseMapping")}
                  items={step.responseMapping ?? []}
                  onChange={(items) =>
                    f.replace([...at, "responseMapping"], items.length ? items : undefined)
                  }
                  itemLabel={(m, j) => m.variable || `#${j + 1}`}
                  add={[
                    { label: t("field.mapping"), create: () => ({ path: "", variable: "result" }) },
                  ]}
                  render={(m, j) => (
                    <>
                      <TextField
                        label={t("field.jsonPath")}
                        value={m.path}
                        onChange={(v) => f.set([...at, "responseMapping", j, "path"], v)}
                        onBlur={f.endGroup}
                      />
                      <TextField
                        label={t("field.variable")}
                        value={m.variable}
                        onChange={(v) => f.set([...at, "responseMapping", j, "variable"], v)}
                        onBlur={f.endGroup}
                      />
                    </>
                  )}
                />
                <TextField
                  label={t("field.statusVariable")}
                  value={step.statusVariable ?? ""}
                  onChange={(v) => f.set([...at, "statusVariable"], v === "" ? undefined : v)}
                  onBlur={f.endGroup}
                />
                <HttpTest step={step} at={at} f={f} />
              </>
            );
          default:
            return null;
        }
      }}
    />
  );
}
