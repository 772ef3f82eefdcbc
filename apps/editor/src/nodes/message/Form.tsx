import { type Button, type ContentBlock, NODE_KINDS, type NodeOfType } from "@convo/flow";
import { MESSENGER_LIMITS as L } from "@convo/messenger/limits";
import { SendAsField } from "../../events/SendAsField";
import { ListField, NumberField, SelectField, TextField, useNodeSetter } from "../../form/fields";
import { useFreshId } from "../../form/use-fresh-id";
import { type Translate, useT } from "../../i18n";
import type { Path } from "../../store/paths";
import { WhatsappTemplateFields } from "./WhatsappTemplate";

type Setter = ReturnType<typeof useNodeSetter>;

function ButtonsField({
  path,
  buttons,
  f,
  t,
  fresh,
}: {
  path: Path;
  buttons: readonly Button[];
  f: Setter;
  t: Translate;
  fresh: (p: string) => string;
}) {
  return (
    <ListField
      label={t("field.buttons")}
      items={buttons}
      max={L.buttons}
      onChange={(items) => f.replace(path, items.length ? items : undefined)}
      itemLabel={(b) => b.title || t(`button.${b.kind}`)}
      add={[
        {
          label: t("button.postback"),
          create: () => ({ id: fresh("button"), kind: "postback" as const, title: "" }),
        },
        {
          label: t("button.url"),
          create: () => ({ id: fresh("button"), kind: "url" as const, title: "", url: "https://" }),
        },
        {
          label: t("button.call"),
          create: () => ({ id: fresh("button"), kind: "call" as const, title: "", phone: "+" }),
        },
      ]}
      render={(b, i) => (
        <>
          <TextField
            label={t("field.title")}
            value={b.title}
            limit={L.buttonTitle}
            template
            onChange={(v) => f.set([...path, i, "title"], v)}
            onBlur={f.endGroup}
          />
          {b.kind === "url" && (
            <>
              <TextField
                label={t("field.url")}
                value={b.url}
                template
                onChange={(v) => f.set([...path, i, "url"], v)}
                onBlur={f.endGroup}
              />
              <SelectField
                label={t("field.webviewHeight")}
                value={b.webviewHeight ?? "full"}
                options={(["compact", "tall", "full"] as const).map((v) => ({
                  value: v,
                  label: t(`webview.${v}`),
                }))}
                onChange={(v) =>
                  f.replace([...path, i, "webviewHeight"], v === "full" ? undefined : v)
                }
              />
            </>
          )}
          {b.kind === "call" && (
            <TextField
              label={t("field.phone")}
              value={b.phone}
              onChange={(v) => f.set([...path, i, "phone"], v)}
              onBlur={f.endGroup}
            />
          )}
        </>
      )}
    />
  );
}

function BlockFields({
  block,
  path,
  f,
  t,
  fresh,
}: {
  block: ContentBlock;
  path: Path;
  f: Setter;
  t: Translate;
  fresh: (p: string) => string;
}) {
  switch (block.kind) {
    case "text":
      return (
        <>
          <TextField
            label={t("field.text")}
            value={block.text}
            multiline
            template
            testId="field-text"
            limit={block.buttons?.length ? L.buttonTemplateText : L.text}
            onChange={(v) => f.set([...path, "text"], v)}
            onBlur={f.endGroup}
          />
          <ButtonsField
            path={[...path, "buttons"]}
            buttons={block.buttons ?? []}
            f={f}
            t={t}
            fresh={fresh}
          />
        </>
      );
    case "image":
    case "video":
    case "audio":
    case "file":
      return (
        <TextField
          label={t("field.url")}
          value={block.url}
          template
          onChange={(v) => f.set([...path, "url"], v)}
          onBlur={f.endGroup}
        />
      );
    case "cards":
      return (
        <>
          <SelectField
            label={t("field.aspectRatio")}
            value={block.imageAspectRatio ?? "horizontal"}
            options={(["horizontal", "square"] as const).map((v) => ({
              value: v,
              label: t(`aspect.${v}`),
            }))}
            onChange={(v) =>
              f.replace([...path, "imageAspectRatio"], v === "horizontal" ? undefined : v)
            }
          />
          <ListField
            label={t("field.cards")}
            items={block.cards}
            max={L.cards}
            onChange={(items) => f.replace([...path, "cards"], items)}
            itemLabel={(c, i) => c.title || t("field.cardN", { n: i + 1 })}
            add={[{ label: t("field.card"), create: () => ({ id: fresh("card"), title: "" }) }]}
            render={(card, i) => {
              const at = [...path, "cards", i];
              const opt = (key: string) => (v: string) =>
                f.set([...at, key], v === "" ? undefined : v);
              return (
                <>
                  <TextField
                    label={t("field.title")}
                    value={card.title}
                    limit={L.cardTitle}
                    template
                    onChange={(v) => f.set([...at, "title"], v)}
                    onBlur={f.endGroup}
                  />
                  <TextField
                    label={t("field.subtitle")}
                    value={card.subtitle ?? ""}
                    limit={L.cardSubtitle}
                    template
                    onChange={opt("subtitle")}
                    onBlur={f.endGroup}
                  />
                  <TextField
                    label={t("field.imageUrl")}
                    value={card.imageUrl ?? ""}
                    onChange={opt("imageUrl")}
                    onBlur={f.endGroup}
                  />
                  <TextField
                    label={t("field.cardUrl")}
                    value={card.url ?? ""}
                    onChange={opt("url")}
                    onBlur={f.endGroup}
                  />
                  <ButtonsField
                    path={[...at, "buttons"]}
                    buttons={card.buttons ?? []}
                    f={f}
                    t={t}
                    fresh={fresh}
                  />
                </>
              );
            }}
          />
        </>
      );
    case "typing":
      return (
        <NumberField
          label={t("field.seconds")}
          value={block.seconds}
          {...LIMITS.typingSeconds}
          step={0.5}
          onChange={(v) => f.replace([...path, "seconds"], v ?? 0)}
        />
      );
    default:
      return null;
  }
}

/** The ranges the form offers, from the node kind (the schema reads the same). */
const LIMITS = NODE_KINDS.message.limits;

export function MessageForm({ node }: { node: NodeOfType<"message"> }) {
  const t = useT();
  const f = useNodeSetter(node.id);
  const fresh = useFreshId();
  const replies = node.data.quickReplies ?? [];
  return (
    <>
      <SendAsField node={node} f={f} />
      <ListField
        label={t("field.content")}
        items={node.data.content}
        onChange={(items) => f.replace(["data", "content"], items)}
        itemLabel={(b) => t(`block.${b.kind}`)}
        add={[
          {
            label: t("block.text"),
            create: () => ({ id: fresh("text"), kind: "text" as const, text: "" }),
          },
          {
            label: t("block.image"),
            create: () => ({ id: fresh("image"), kind: "image" as const, url: "https://" }),
          },
          {
            label: t("block.cards"),
            create: () => ({
              id: fresh("cards"),
              kind: "cards" as const,
              cards: [{ id: fresh("card"), title: "" }],
            }),
          },
          {
            label: t("block.video"),
            create: () => ({ id: fresh("video"), kind: "video" as const, url: "https://" }),
          },
          {
            label: t("block.audio"),
            create: () => ({ id: fresh("audio"), kind: "audio" as const, url: "https://" }),
          },
          {
            label: t("block.file"),
            create: () => ({ id: fresh("file"), kind: "file" as const, url: "https://" }),
          },
          {
            label: t("block.typing"),
            create: () => ({ id: fresh("typing"), kind: "typing" as const, seconds: 1 }),
          },
        ]}
        render={(block, i) => (
          <BlockFields block={block} path={["data", "content", i]} f={f} t={t} fresh={fresh} />
        )}
      />
      <ListField
        label={t("field.quickReplies")}
        items={replies}
        max={L.quickReplies}
        onChange={(items) => f.replace(["data", "quickReplies"], items.length ? items : undefined)}
        itemLabel={(r, i) => r.title || t("field.replyN", { n: i + 1 })}
        add={[{ label: t("field.quickReply"), create: () => ({ id: fresh("reply"), title: "" }) }]}
        render={(r, i) => (
          <>
            <TextField
              label={t("field.title")}
              value={r.title}
              limit={L.quickReplyTitle}
              template
              onChange={(v) => f.set(["data", "quickReplies", i, "title"], v)}
              onBlur={f.endGroup}
            />
            <TextField
              label={t("field.imageUrl")}
              value={r.imageUrl ?? ""}
              onChange={(v) =>
                f.set(["data", "quickReplies", i, "imageUrl"], v === "" ? undefined : v)
              }
              onBlur={f.endGroup}
            />
          </>
        )}
      />
      <WhatsappTemplateFields node={node} f={f} />
    </>
  );
}
