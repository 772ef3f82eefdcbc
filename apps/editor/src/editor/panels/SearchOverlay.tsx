import { nodeTexts } from "@convo/flow";
import { useMemo, useState } from "react";
import { Dialog } from "../../common/Dialog";
import { useT } from "../../i18n";
import { useEditor } from "../../store/context";
import { useFocusNode } from "../use-focus-node";

/** Finds steps by any text typed into them (bubbles, buttons, questions, notes) and jumps there. */
export function SearchOverlay({ onClose }: { onClose: () => void }) {
  const t = useT();
  const editor = useEditor();
  const focusNode = useFocusNode();
  const [query, setQuery] = useState("");
  const results = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const found: { id: string; text: string }[] = [];
    for (const node of editor.store.getState().flow.nodes) {
      const hit = [{ text: node.id }, ...nodeTexts(node)].find((x) =>
        x.text.toLowerCase().includes(q),
      );
      if (hit) found.push({ id: node.id, text: hit.text });
      if (found.length >= 50) break;
    }
    return found;
  }, [query, editor]);
  return (
    <Dialog title={t("search.title")} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (results[0]) {
            focusNode(results[0].id);
            onClose();
          }
        }}
      >
        <label className="field">
          <span className="visually-hidden">{t("search.title")}</span>
          <input
            type="search"
            value={query}
            placeholder={t("search.placeholder")}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
      </form>
      <ul className="results">
        {results.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              onClick={() => {
                focusNode(r.id);
                onClose();
              }}
            >
              <code>{r.id}</code> {r.text}
            </button>
          </li>
        ))}
      </ul>
      {query.trim() && results.length === 0 && <p className="muted">{t("search.none")}</p>}
    </Dialog>
  );
}
