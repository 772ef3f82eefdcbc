import { flowsDiffer } from "@convo/flow";
import { useMemo } from "react";
import { useStore } from "zustand";
import { useT } from "../../i18n";
import { useEditorState } from "../../store/context";
import type { History } from "./history";

/** In the header: the draft is not what customers get (it differs from the live version). */
export function LiveBadge({ history }: { history: History }) {
  const t = useT();
  const live = useStore(history.state, (s) => s.live);
  // The draft only: a version on screen is not it.
  const draft = useEditorState((s) => (s.readOnly ? null : s.flow));
  const differs = useMemo(
    () => live !== null && draft !== null && flowsDiffer(live.flow, draft),
    [live, draft],
  );
  if (!differs || !live) return null;
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
