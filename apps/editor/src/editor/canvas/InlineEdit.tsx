import { type FlowNode, pathSegments, translationsOf, withTranslation } from "@convo/flow";
import { INSTAGRAM_LIMITS, MESSENGER_LIMITS, WHATSAPP_LIMITS } from "@convo/messenger/limits";
import { type KeyboardEvent, useLayoutEffect, useRef, useState } from "react";
import { useT } from "../../i18n";
import { useTestChannel } from "../../simulator/panel-store";
import { useEditor, useEditorState } from "../../store/context";
import { getIn } from "../../store/paths";
import { useContentLanguage } from "./content-language";

/** A text of a step being written on the canvas: which step, which text, where it is drawn. */
export interface InlineTarget {
  nodeId: string;
  /** The text's path in the step, as `data-edit` names it (`data.content[0].buttons[1].title`). */
  path: string;
  box: { left: number; top: number; width: number; height: number };
}

const LIMITS = {
  messenger: MESSENGER_LIMITS,
  instagram: INSTAGRAM_LIMITS,
  whatsapp: WHATSAPP_LIMITS,
};

/** The channel's limit for the text at `path` of `node`, as the inspector counts it. */
function limitOf(node: FlowNode, path: string, channel: keyof typeof LIMITS): number {
  const L = LIMITS[channel];
  if (path.startsWith("data.quickReplies")) return L.quickReplyTitle;
  if (/\.buttons\[\d+\]\.title$/.test(path)) return L.buttonTitle;
  if (/\.cards\[\d+\]\.title$/.test(path)) return L.cardTitle;
  const block = getIn(node, pathSegments(path).slice(0, -1)) as { buttons?: unknown[] } | undefined;
  return block?.buttons?.length ? L.buttonTemplateText : L.text;
}

/**
 * Writes a message's text, a button's or a quick reply's title where the canvas draws it
 * (double-click): Enter keeps it (Shift+Enter starts a new line in a message), Escape or an empty
 * title leaves it as it was; the channel's limit is counted as in the inspector. With the canvas
 * in another of the flow's languages, it is that language's text that is written. One undo step.
 */
export function InlineEdit({ target, onClose }: { target: InlineTarget; onClose: () => void }) {
  const t = useT();
  const editor = useEditor();
  const node = useEditorState((s) => s.flow.nodes.find((n) => n.id === target.nodeId));
  const languages = useEditorState((s) => s.flow.languages) ?? [];
  const language = useContentLanguage((s) => s.language);
  const channel = useTestChannel((s) => s.channel);
  const field = useRef<HTMLTextAreaElement>(null);
  const translated =
    node && language !== null && language !== languages[0] && languages.includes(language)
      ? translationsOf(node).find((x) => `${x.holderPath}.${x.field}` === target.path)
      : undefined;
  const original = translated
    ? (translated.translations[language as string] ?? "")
    : String((node && getIn(node, pathSegments(target.path))) ?? "");
  const [value, setValue] = useState(original);
  useLayoutEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  if (!node) return null;
  const limit = limitOf(node, target.path, channel);
  const title = !target.path.endsWith(".text");

  function keep() {
    if (!node || value === original || (title && value.trim() === "" && !translated)) {
      onClose();
      return;
    }
    const group = `${node.id}:inline:${target.path}`;
    if (translated && language) {
      const next = withTranslation(
        node,
        translated.holderPath,
        translated.field,
        language,
        value === "" ? undefined : value,
      );
      editor.setNodeField(node.id, ["data"], next.data, group);
    } else {
      editor.setNodeField(node.id, pathSegments(target.path), value, group);
    }
    editor.endGroup();
    onClose();
  }

  function onKeyDown(event: KeyboardEvent) {
    event.stopPropagation();
    if (event.key === "Escape") onClose();
    else if (event.key === "Enter" && !(event.shiftKey && !title)) {
      event.preventDefault();
      keep();
    }
  }

  return (
    <div
      className="inline-edit"
      style={{
        left: target.box.left,
        top: target.box.top,
        minWidth: Math.max(160, target.box.width),
      }}
    >
      <textarea
        ref={field}
        value={value}
        rows={title ? 1 : Math.min(8, Math.max(2, value.split("\n").length))}
        aria-label={t(translated ? "inline.labelIn" : "inline.label", {
          language: language ?? "",
        })}
        aria-invalid={value.length > limit}
        onChange={(e) => setValue(title ? e.target.value.replace(/\n/g, " ") : e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={keep}
      />
      <span className={`counter${value.length > limit ? " over" : ""}`} aria-live="polite">
        {t("field.counter", { length: value.length, limit })}
      </span>
    </div>
  );
}
