import type { NodeOfType, Trigger } from "@convo/flow";
import { EventTriggerFields } from "../../events/EventTriggerFields";
import { ChipsField } from "../../form/ChipsField";
import { CheckField, ListField, SelectField, TextField, useNodeSetter } from "../../form/fields";
import { useT } from "../../i18n";
import { useEditorState } from "../../store/context";
import { CommentTriggerFields } from "./CommentFields";
import { IntentTriggerFields } from "./IntentFields";

const KINDS: Trigger["kind"][] = [
  "keyword",
  "ref",
  "postback",
  "get_started",
  "default",
  "event",
  "comment",
  "intent",
];

function blank(kind: Trigger["kind"]): Trigger {
  switch (kind) {
    case "keyword":
      return { kind, match: "contains", keywords: [] };
    case "ref":
      return { kind, ref: "" };
    case "postback":
      return { kind, payload: "" };
    case "comment":
      return { kind, keywords: [""] };
    case "event":
      return { kind, event: "order.shipped", fields: [] };
    case "intent":
      return { kind, name: "", examples: [] };
    case "get_started":
    case "default":
      return { kind };
  }
}

export function TriggerForm({ node }: { node: NodeOfType<"trigger"> }) {
  const t = useT();
  const f = useNodeSetter(node.id);
  // The keywords of the flow's other languages start the flow too.
  const otherLanguages = (useEditorState((s) => s.flow.languages) ?? []).slice(1);
  return (
    <ListField
      label={t("field.triggers")}
      items={node.data.triggers}
      onChange={(items) => f.replace(["data", "triggers"], items)}
      itemLabel={(tr) => t(`trigger.${tr.kind}`)}
      add={[{ label: t("trigger.keyword"), create: () => blank("keyword") }]}
      render={(tr, i) => {
        const at = ["data", "triggers", i];
        return (
          <>
            <SelectField
              label={t("field.kind")}
              value={tr.kind}
              options={KINDS.map((k) => ({ value: k, label: t(`trigger.${k}`) }))}
              onChange={(k) => f.replace(at, blank(k))}
            />
            {tr.kind === "keyword" && (
              <>
                <SelectField
                  label={t("field.match")}
                  value={tr.match}
                  options={(["contains", "exact", "starts_with"] as const).map((m) => ({
                    value: m,
                    label: t(`match.${m}`),
                  }))}
                  onChange={(m) => f.replace([...at, "match"], m)}
                />
                <ChipsField
                  label={t("field.keyword")}
                  listLabel={t("field.keywords")}
                  chips={tr.keywords}
                  hint={t("field.keywordsHint")}
                  onChange={(keywords) => f.replace([...at, "keywords"], keywords)}
                />
                {otherLanguages.map((language) => (
                  <ChipsField
                    key={language}
                    label={t("field.keywordIn", { language })}
                    listLabel={t("field.keywordsIn", { language })}
                    chips={tr.translations?.[language]?.keywords ?? []}
                    hint={t("field.keywordsHint")}
                    onChange={(keywords) => {
                      const { [language]: _, ...others } = tr.translations ?? {};
                      const next =
                        keywords.length > 0 ? { ...others, [language]: { keywords } } : others;
                      f.replace(
                        [...at, "translations"],
                        Object.keys(next).length > 0 ? next : undefined,
                      );
                    }}
                  />
                ))}
              </>
            )}
            {tr.kind === "comment" && <CommentTriggerFields trigger={tr} at={at} f={f} />}
            {tr.kind === "ref" && (
              <>
                <TextField
                  label={t("field.ref")}
                  value={tr.ref}
                  onChange={(v) => f.set([...at, "ref"], v)}
                  onBlur={f.endGroup}
                />
                <CheckField
                  label={t("event.refExternalId")}
                  checked={tr.externalId === true}
                  onChange={(v) => f.replace([...at, "externalId"], v ? true : undefined)}
                />
              </>
            )}
            {tr.kind === "event" && <EventTriggerFields trigger={tr} at={at} f={f} />}
            {tr.kind === "intent" && <IntentTriggerFields trigger={tr} at={at} f={f} />}
            {tr.kind === "postback" && (
              <TextField
                label={t("field.payload")}
                value={tr.payload}
                onChange={(v) => f.set([...at, "payload"], v)}
                onBlur={f.endGroup}
              />
            )}
          </>
        );
      }}
    />
  );
}
