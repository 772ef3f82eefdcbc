import type { Trigger } from "@convo/flow";
import { ListField, TextField, type useNodeSetter } from "../../form/fields";
import { useT } from "../../i18n";

type CommentTrigger = Extract<Trigger, { kind: "comment" }>;
type Setter = ReturnType<typeof useNodeSetter>;

/** A list of short texts at `at` (keywords, post ids): one text field each, added one by one. */
export function TextListField({
  label,
  items,
  at,
  f,
  itemLabel,
  fieldLabel,
}: {
  label: string;
  items: string[];
  at: (string | number)[];
  f: Setter;
  itemLabel: (n: number) => string;
  fieldLabel: string;
}) {
  return (
    <ListField
      label={label}
      items={items}
      onChange={(next) => f.replace(at, next)}
      itemLabel={(text, j) => text || itemLabel(j + 1)}
      add={[{ label: fieldLabel, create: () => "" }]}
      render={(text, j) => (
        <TextField
          label={fieldLabel}
          value={text}
          onChange={(v) => f.set([...at, j], v)}
          onBlur={f.endGroup}
        />
      )}
    />
  );
}

/**
 * A comment trigger's keywords (none: any comment), post ids (none: every post) and the public
 * reply under the comment (none: only the private one).
 */
export function CommentTriggerFields({
  trigger,
  at,
  f,
}: {
  trigger: CommentTrigger;
  at: (string | number)[];
  f: Setter;
}) {
  const t = useT();
  return (
    <>
      <TextListField
        label={t("field.commentKeywords")}
        items={trigger.keywords}
        at={[...at, "keywords"]}
        f={f}
        itemLabel={(n) => t("field.keywordN", { n })}
        fieldLabel={t("field.keyword")}
      />
      <TextListField
        label={t("field.commentPosts")}
        items={trigger.posts ?? []}
        at={[...at, "posts"]}
        f={f}
        itemLabel={(n) => t("field.postN", { n })}
        fieldLabel={t("field.post")}
      />
      <TextField
        label={t("field.commentPublicReply")}
        value={trigger.publicReply ?? ""}
        onChange={(v) => f.set([...at, "publicReply"], v === "" ? undefined : v)}
        onBlur={f.endGroup}
        template
        multiline
        testId="comment-public-reply"
      />
    </>
  );
}
