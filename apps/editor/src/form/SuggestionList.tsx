import type { Translate } from "../i18n";

/**
 * The variables a `{{` may go on with, and under them the fallback syntax, since an empty
 * variable would otherwise leave a hole in the message ("Hi !").
 */
export function SuggestionList({
  id,
  suggestions,
  active,
  onPick,
  t,
}: {
  /** The listbox's id (the field's `aria-controls`); options are `${id}-option-${i}`. */
  id: string;
  suggestions: readonly string[];
  active: number;
  onPick: (name: string) => void;
  t: Translate;
}) {
  return (
    <div className="suggestions">
      <div role="listbox" id={id} aria-label={t("field.suggestions")}>
        {suggestions.map((s, i) => (
          <div
            key={s}
            id={`${id}-option-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              onPick(s);
            }}
          >
            {`{{${s}}}`}
          </div>
        ))}
      </div>
      <p className="suggestions-hint" id={`${id}-hint`} data-testid="fallback-hint">
        {t("field.fallbackHint")}
      </p>
    </div>
  );
}
