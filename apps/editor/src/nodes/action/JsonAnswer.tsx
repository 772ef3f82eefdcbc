import { formatJsonPath } from "@convo/engine";
import type { ReactNode } from "react";
import { useT } from "../../i18n";

type Part = string | number;

/**
 * An API's JSON answer as a tree whose values are buttons: clicking one gives its path
 * (`data.items[0].status`), as `readPath` reads it back.
 */
export function JsonAnswer({ value, onPick }: { value: unknown; onPick: (path: string) => void }) {
  return (
    <div className="json-answer" data-testid="http-test-json">
      <JsonNode value={value} path={[]} onPick={onPick} />
    </div>
  );
}

function JsonNode({
  value,
  path,
  onPick,
}: {
  value: unknown;
  path: Part[];
  onPick: (path: string) => void;
}): ReactNode {
  const t = useT();
  if (value !== null && typeof value === "object") {
    const entries: [Part, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    const open = Array.isArray(value) ? "[" : "{";
    const close = Array.isArray(value) ? "]" : "}";
    if (entries.length === 0) return <span className="json-punct">{open + close}</span>;
    return (
      <>
        <span className="json-punct">{open}</span>
        <ul>
          {entries.map(([key, v]) => (
            <li key={String(key)}>
              <span className="json-key">{typeof key === "number" ? `${key}:` : `"${key}":`}</span>{" "}
              <JsonNode value={v} path={[...path, key]} onPick={onPick} />
            </li>
          ))}
        </ul>
        <span className="json-punct">{close}</span>
      </>
    );
  }
  const shown = JSON.stringify(value) ?? String(value);
  const where = formatJsonPath(path);
  if (where === "") return <span className="json-value">{shown}</span>;
  return (
    <button
      type="button"
      className="json-value"
      title={where}
      aria-label={t("httpTest.pick", { path: where, value: shown })}
      onClick={() => onPick(where)}
    >
      {shown}
    </button>
  );
}
