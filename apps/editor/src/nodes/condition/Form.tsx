import {
  knownContactFields,
  knownTags,
  knownVariables,
  type NodeOfType,
  type Rule,
  type ValueOperator,
  valueOperatorSchema,
} from "@convo/flow";
import { useShallow } from "zustand/react/shallow";
import { ListField, SelectField, TextField, useNodeSetter } from "../../form/fields";
import { CONTACT_FIELDS } from "../../form/suggestions";
import { useFreshId } from "../../form/use-fresh-id";
import { useT } from "../../i18n";
import { useEditorState } from "../../store/context";

/** The operators the flow format defines, in its order: adding one there adds it here. */
const OPS: readonly ValueOperator[] = valueOperatorSchema.options;

/** A new rule reads what exists: the flow's first variable, the first name, no tag yet. */
function blankRule(kind: Rule["kind"], variables: readonly string[]): Rule {
  if (kind === "tag") return { kind, tag: "", op: "has" };
  if (kind === "variable" && variables[0] !== undefined) {
    return { kind, name: variables[0], op: "equals", value: "" };
  }
  return { kind: "contact", field: "first_name", op: "is_set" };
}

/** What the left side of a rule may read: the variables, fields and tags the flow has. */
function useKnownNames() {
  const variables = useEditorState(useShallow((s) => knownVariables(s.flow)));
  const fields = useEditorState(useShallow((s) => knownContactFields(s.flow)));
  const tags = useEditorState(useShallow((s) => knownTags(s.flow)));
  return { variables, fields: [...CONTACT_FIELDS, ...fields], tags };
}

export function ConditionForm({ node }: { node: NodeOfType<"condition"> }) {
  const t = useT();
  const f = useNodeSetter(node.id);
  const fresh = useFreshId();
  const known = useKnownNames();
  // A variable rule is offered once the flow has a variable to read (a question stores one).
  const ruleKinds = (["variable", "contact", "tag"] as const).filter(
    (k) => k !== "variable" || known.variables.length > 0,
  );
  return (
    <ListField
      label={t("field.branches")}
      items={node.data.branches}
      onChange={(items) => f.replace(["data", "branches"], items)}
      itemLabel={(b, i) => b.label || t("output.branch", { n: i + 1 })}
      add={[
        {
          label: t("field.branch"),
          create: () => ({
            id: fresh("branch"),
            match: "all" as const,
            rules: [],
          }),
        },
      ]}
      render={(branch, b) => {
        const at = ["data", "branches", b];
        return (
          <>
            <TextField
              label={t("field.label")}
              value={branch.label ?? ""}
              onChange={(v) => f.set([...at, "label"], v === "" ? undefined : v)}
              onBlur={f.endGroup}
            />
            <SelectField
              label={t("field.matchRules")}
              value={branch.match}
              options={[
                { value: "all", label: t("condition.all") },
                { value: "any", label: t("condition.any") },
              ]}
              onChange={(v) => f.replace([...at, "match"], v)}
            />
            <ListField
              label={t("field.rules")}
              items={branch.rules}
              onChange={(items) => f.replace([...at, "rules"], items)}
              itemLabel={(r, i) => `${t(`rule.${r.kind}`)} ${i + 1}`}
              add={ruleKinds.map((k) => ({
                label: t(`rule.${k}`),
                create: () => blankRule(k, known.variables),
              }))}
              render={(rule, r) => {
                const rp = [...at, "rules", r];
                if (rule.kind === "tag") {
                  return (
                    <>
                      <TextField
                        label={t("field.tag")}
                        value={rule.tag}
                        options={known.tags}
                        onChange={(v) => f.set([...rp, "tag"], v)}
                        onBlur={f.endGroup}
                      />
                      <SelectField
                        label={t("field.operator")}
                        value={rule.op}
                        options={(["has", "has_not"] as const).map((o) => ({
                          value: o,
                          label: t(`op.${o}`),
                        }))}
                        onChange={(v) => f.replace([...rp, "op"], v)}
                      />
                    </>
                  );
                }
                return (
                  <>
                    {rule.kind === "variable" ? (
                      <TextField
                        label={t("field.variable")}
                        value={rule.name}
                        options={known.variables}
                        onChange={(v) => f.set([...rp, "name"], v)}
                        onBlur={f.endGroup}
                      />
                    ) : (
                      <TextField
                        label={t("field.contactField")}
                        value={rule.field}
                        options={known.fields}
                        onChange={(v) => f.set([...rp, "field"], v)}
                        onBlur={f.endGroup}
                      />
                    )}
                    <SelectField
                      label={t("field.operator")}
                      value={rule.op}
                      options={OPS.map((o) => ({ value: o, label: t(`op.${o}`) }))}
                      onChange={(v) => f.replace([...rp, "op"], v)}
                    />
                    {rule.op !== "is_set" && rule.op !== "is_empty" && (
                      <TextField
                        label={t("field.value")}
                        value={rule.value ?? ""}
                        template={rule.op !== "matches"}
                        onChange={(v) => f.set([...rp, "value"], v)}
                        onBlur={f.endGroup}
                      />
                    )}
                  </>
                );
              }}
            />
          </>
        );
      }}
    />
  );
}
