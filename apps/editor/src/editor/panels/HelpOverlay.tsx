import { Dialog } from "../../common/Dialog";
import { type MessageKey, type Translate, useT } from "../../i18n";

/**
 * Keys are written as on the reader's keyboard: a French one says Maj, Suppr, Échap. A `{name}`
 * in a shortcut is one of these words; letters and Ctrl/⌘ read the same in both languages.
 */
const KEY_WORDS = {
  shift: "key.shift",
  delete: "key.delete",
  backspace: "key.backspace",
  escape: "key.escape",
  drag: "key.drag",
  doubleClick: "key.doubleClick",
} as const satisfies Record<string, MessageKey>;

const SHORTCUTS: [string, MessageKey][] = [
  ["Ctrl/⌘ + Z", "help.undo"],
  ["Ctrl/⌘ + {shift} + Z, Ctrl + Y", "help.redo"],
  ["Ctrl/⌘ + C / X / V", "help.copyPaste"],
  ["Ctrl/⌘ + D", "help.duplicate"],
  ["{delete}, {backspace}", "help.delete"],
  ["Ctrl/⌘ + A", "help.selectAll"],
  ["{shift} + {drag}", "help.boxSelect"],
  ["C", "help.connect"],
  ["{doubleClick}", "help.inlineEdit"],
  ["Ctrl/⌘ + F", "help.search"],
  ["Ctrl/⌘ + S", "help.save"],
  ["{shift} + F", "help.fit"],
  ["R", "help.test"],
  ["?", "help.help"],
  ["{escape}", "help.close"],
];

/** The shortcuts in the reader's words: "{shift} + F" is "Maj + F" in French. */
export function shortcutList(t: Translate): { keys: string; label: string }[] {
  return SHORTCUTS.map(([keys, label]) => ({
    keys: keys.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in KEY_WORDS ? t(KEY_WORDS[name as keyof typeof KEY_WORDS]) : whole,
    ),
    label: t(label),
  }));
}

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <Dialog title={t("help.title")} onClose={onClose}>
      <dl className="shortcuts">
        {shortcutList(t).map(({ keys, label }) => (
          <div key={label}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{label}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">{t("help.addHint")}</p>
      <button type="button" onClick={onClose}>
        {t("common.close")}
      </button>
    </Dialog>
  );
}
