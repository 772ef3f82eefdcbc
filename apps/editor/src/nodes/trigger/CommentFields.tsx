import type { Trigger } from "@convo/flow";
import { useT } from "../../i18n";
import { ListField, TextField, type useNodeSetter } from "../../inspector/fields";

type CommentTrigger = Extract<Trigger, { kind: "comment" }>;

/** A comment trigger's keywords (none: any comment) and post ids (none: every post). */
export function CommentTriggerFields({
  trigger,
  at,
  f,
}: {
  trigger: CommentTrigger;
  at: (string | number)[];
  f: ReturnType<typeof useNodeSetter>;
}) {
  const t = useT();
  const posts = trigger.posts ?? [];
  return (
    <>
      <ListField
        label={t("field.commentKeywords")}
        items={trigger.keywords}
        onChange={(items) => f.replace([...at, "keywords"], items)}
        itemLabel={(k, j) => k || t("field.keywordN", { n: j + 1 })}
        add={[{ label: t("field.keyword"), create: () => "" }]}
        render={(k, j) => (
          <TextField
            label={t("field.keyword")}
            value={k}
            onChange={(v) => f.set([...at, "keywords", j], v)}
            onBlur={f.endGroup}
          />
        )}
      />
      <ListField
        label={t("field.commentPosts")}
        items={posts}
        onChange={(items) => f.replace([...at, "posts"], items)}
        itemLabel={(p, j) => p || t("field.postN", { n: j + 1 })}
        add={[{ label: t("field.post"), create: () => "" }]}
        render={(p, j) => (
          <TextField
            label={t("field.post")}
            value={p}
            onChange={(v) => f.set([...at, "posts", j], v)}
            onBlur={f.endGroup}
          />
        )}
      />
    </>
  );
}
