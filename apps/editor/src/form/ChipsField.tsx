import { useId, useState } from "react";
import { useT } from "../i18n";
import { addChips } from "./chips";

interface Props {
  /** The typing field's label. */
  label: string;
  /** The list of chips' label. */
  listLabel: string;
  chips: readonly string[];
  onChange: (chips: string[]) => void;
  /** What the field is for, said under it ("Enter or a comma adds a keyword"). */
  hint: string;
}

/**
 * Words as chips: type one and press Enter or a comma (or leave the field) to add it; × or
 * Backspace in the empty field removes one. Pasting "a, b, c" adds three.
 */
export function ChipsField({ label, listLabel, chips, onChange, hint }: Props) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState("");
  const shown = chips.filter((c) => c.trim() !== "");

  function commit(text: string) {
    if (text.trim() !== "") onChange(addChips(shown, text));
    setDraft("");
  }

  return (
    <div className="field chips-field">
      <label htmlFor={id}>{label}</label>
      <ul className="chips" aria-label={listLabel}>
        {shown.map((chip) => (
          <li key={chip} className="chip">
            <span>{chip}</span>
            <button
              type="button"
              className="chip-remove"
              aria-label={t("field.removeChip", { chip })}
              onClick={() => onChange(shown.filter((c) => c !== chip))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={id}
        value={draft}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const text = e.target.value;
          if (text.includes(",")) commit(text);
          else setDraft(text);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit(draft);
          } else if (e.key === "Backspace" && draft === "" && shown.length > 0) {
            onChange(shown.slice(0, -1));
          }
        }}
        onBlur={() => commit(draft)}
      />
      <p id={`${id}-hint`} className="chips-hint">
        {hint}
      </p>
    </div>
  );
}
