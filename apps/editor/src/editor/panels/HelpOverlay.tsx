import { type MessageKey, useT } from "../../i18n";
import { Dialog } from "./Dialog";

const SHORTCUTS: [string, MessageKey][] = [
  ["Ctrl/⌘ + Z", "help.undo"],
  ["Ctrl/⌘ + Shift + Z, Ctrl + Y", "help.redo"],
  ["Ctrl/⌘ + C / X / V", "help.copyPaste"],
  ["Ctrl/⌘ + D", "help.duplicate"],
  ["Delete, Backspace", "help.delete"],
  ["Ctrl/⌘ + A", "help.selectAll"],
  ["Shift + drag", "help.boxSelect"],
  ["C", "help.connect"],
  ["Ctrl/⌘ + F", "help.search"],
  ["Ctrl/⌘ + S", "help.save"],
  ["Shift + F", "help.fit"],
  ["R", "help.test"],
  ["?", "help.help"],
  ["Esc", "help.close"],
];

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <Dialog title={t("help.title")} onClose={onClose}>
      <dl className="shortcuts">
        {SHORTCUTS.map(([keys, label]) => (
          <div key={label}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(label)}</dd>
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
