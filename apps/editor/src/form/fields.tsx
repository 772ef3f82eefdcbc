import { type ReactNode, useId, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { useT } from "../i18n";
import { useEditor, useEditorState } from "../store/context";
import type { Path } from "../store/paths";
import { SuggestionList } from "./SuggestionList";
import {
  completeReference,
  openReference,
  referenceNames,
  referenceSuggestions,
} from "./suggestions";

/** Binds inputs to one node's fields; each field's typing is one undo step per pause or focus. */
export function useNodeSetter(nodeId: string) {
  const editor = useEditor();
  return {
    set: (path: Path, value: unknown) =>
      editor.setNodeField(nodeId, path, value, `${nodeId}:${path.join(".")}`),
    /** A structural change (add, remove, move): always its own step. */
    replace: (path: Path, value: unknown) => editor.setNodeField(nodeId, path, value),
    endGroup: editor.endGroup,
  };
}

interface TextProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** Messenger's limit for this text; a live counter turns red past it. */
  limit?: number;
  multiline?: boolean;
  /** Offers `{{` completion of variables and contact fields. */
  template?: boolean;
  placeholder?: string;
  testId?: string;
  /** Values offered as the field is typed (the browser's autocomplete list). */
  options?: readonly string[];
}

const NO_NAMES: readonly string[] = [];

export function TextField({
  label,
  value,
  onChange,
  onBlur,
  limit,
  multiline,
  template,
  placeholder,
  testId,
  options,
}: TextProps) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  // Declared variables, those steps store into (a question declares its own), the event's fields.
  const variables = useEditorState(
    useShallow((s) => (template ? referenceNames(s.flow) : NO_NAMES)),
  );
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [active, setActive] = useState(0);

  function refresh(text: string, caret: number) {
    if (!template) return;
    const open = openReference(text, caret);
    setSuggestions(open ? referenceSuggestions(variables, open.partial) : []);
    setActive(0);
  }

  function pick(name: string) {
    const element = ref.current;
    if (!element) return;
    const done = completeReference(value, element.selectionStart ?? value.length, name);
    if (!done) return;
    onChange(done.text);
    setSuggestions([]);
    requestAnimationFrame(() => element.setSelectionRange(done.caret, done.caret));
  }

  const common = {
    id,
    ref,
    value,
    placeholder,
    "data-testid": testId,
    list: options ? `${id}-options` : undefined,
    "aria-autocomplete": template ? ("list" as const) : undefined,
    "aria-controls": suggestions.length ? `${id}-list` : undefined,
    "aria-activedescendant": suggestions.length ? `${id}-list-option-${active}` : undefined,
    "aria-describedby": suggestions.length ? `${id}-list-hint` : undefined,
    onChange: (e: { target: { value: string; selectionStart: number | null } }) => {
      onChange(e.target.value);
      refresh(e.target.value, e.target.selectionStart ?? e.target.value.length);
    },
    onBlur: () => {
      setTimeout(() => setSuggestions([]), 150);
      onBlur?.();
    },
    onKeyDown: (e: React.KeyboardEvent) => {
      if (suggestions.length === 0) return;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        setActive(
          (a) => (a + (e.key === "ArrowDown" ? 1 : suggestions.length - 1)) % suggestions.length,
        );
      } else if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        pick(suggestions[active] as string);
      } else if (e.key === "Escape") {
        e.stopPropagation();
        setSuggestions([]);
      }
    },
  };
  const length = [...value].length;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {/* A one-line field offering variables is a combobox (which may say whether its list is
          open); a textarea may only be a textbox, which announces its list by aria-controls. */}
      {multiline ? (
        <textarea rows={3} {...common} />
      ) : template ? (
        <input {...common} role="combobox" aria-expanded={suggestions.length > 0} />
      ) : (
        <input {...common} />
      )}
      {options && (
        <datalist id={`${id}-options`}>
          {options.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
      )}
      {limit !== undefined && (
        <span className={`counter${length > limit ? " over" : ""}`} aria-live="polite">
          {t("field.counter", { length, limit })}
        </span>
      )}
      {suggestions.length > 0 && (
        <SuggestionList
          id={`${id}-list`}
          suggestions={suggestions}
          active={active}
          onPick={pick}
          t={t}
        />
      )}
    </div>
  );
}

export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  min?: number;
  max?: number;
  step?: number;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        value={value ?? ""}
        min={min}
        max={max}
        step={step}
        onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
      />
    </div>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckField({
  label,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <label className="field check">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}

/**
 * A reorderable list: each item with move up, move down and remove buttons (keyboard reachable),
 * and an add button. Moves and removals are whole undo steps.
 */
export function ListField<T>({
  label,
  items,
  onChange,
  render,
  itemLabel,
  add,
  max,
}: {
  label: string;
  items: readonly T[];
  onChange: (items: T[]) => void;
  render: (item: T, index: number) => ReactNode;
  itemLabel: (item: T, index: number) => string;
  add?: { label: string; create: () => NoInfer<T> }[];
  max?: number;
}) {
  const t = useT();
  const move = (from: number, to: number) => {
    const next = items.slice();
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item as T);
    onChange(next);
  };
  return (
    <fieldset className="list-field">
      <legend>
        {label}
        {max !== undefined && (
          <span className={`counter${items.length > max ? " over" : ""}`}>
            {" "}
            {t("field.counter", { length: items.length, limit: max })}
          </span>
        )}
      </legend>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items without ids (keywords, rules) are addressed by position
        <div key={i} className="list-item">
          <div className="list-item-head">
            <span className="list-item-label">{itemLabel(item, i)}</span>
            <button
              type="button"
              className="icon"
              disabled={i === 0}
              onClick={() => move(i, i - 1)}
              aria-label={t("list.up", { item: itemLabel(item, i) })}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon"
              disabled={i === items.length - 1}
              onClick={() => move(i, i + 1)}
              aria-label={t("list.down", { item: itemLabel(item, i) })}
            >
              ↓
            </button>
            <button
              type="button"
              className="icon danger"
              onClick={() => onChange(items.filter((_, j) => j !== i))}
              aria-label={t("list.remove", { item: itemLabel(item, i) })}
            >
              ×
            </button>
          </div>
          {render(item, i)}
        </div>
      ))}
      {add && (
        <div className="row wrap">
          {add.map((a) => (
            <button key={a.label} type="button" onClick={() => onChange([...items, a.create()])}>
              + {a.label}
            </button>
          ))}
        </div>
      )}
    </fieldset>
  );
}
