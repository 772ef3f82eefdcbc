import { flowsDiffer } from "@convo/flow";
import { useEffect, useState } from "react";
import { useStore } from "zustand";
import { useT } from "../../i18n";
import { useEditor } from "../../store/context";
import type { History } from "./history";

/** The draft is compared this long after it last changed: a drag or a typing burst costs nothing. */
const SETTLE_MS = 250;

/** In the header: the draft is not what customers get (it differs from the live version). */
export function LiveBadge({ history }: { history: History }) {
  const t = useT();
  const editor = useEditor();
  const live = useStore(history.state, (s) => s.live);
  const [differs, setDiffers] = useState(false);
  useEffect(() => {
    if (!live) {
      setDiffers(false);
      return;
    }
    // The draft only: a version on screen is not it.
    const check = () => {
      const { flow, readOnly } = editor.store.getState();
      if (!readOnly) setDiffers(flowsDiffer(live.flow, flow));
    };
    check();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = editor.store.subscribe((now, before) => {
      if (now.flow === before.flow && now.readOnly === before.readOnly) return;
      clearTimeout(timer);
      timer = setTimeout(check, SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [editor, live]);
  const shown = useStore(editor.store, (s) => s.readOnly === null);
  if (!differs || !live || !shown) return null;
  return (
    <span
      className="badge-draft"
      data-testid="draft-differs"
      title={t("versions.draftDiffersHint", { version: live.version })}
    >
      {t("versions.draftDiffers", { version: live.version })}
    </span>
  );
}
