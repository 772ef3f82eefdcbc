import { useState } from "react";
import { useStore } from "zustand";
import { useT } from "../../i18n";
import type { Autosave } from "./autosave";

/** Says what went wrong with saving and offers the way out. */
export function SaveBanner({ autosave }: { autosave: Autosave }) {
  const t = useT();
  const { status, error } = useStore(autosave.state);
  const [busy, setBusy] = useState(false);
  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };
  if (status === "conflict") {
    return (
      <div className="banner warning" role="alert">
        <span>{t("save.conflictText")}</span>
        <button type="button" disabled={busy} onClick={() => void act(autosave.reloadTheirs)}>
          {t("save.reloadTheirs")}
        </button>
        <button type="button" disabled={busy} onClick={() => void act(autosave.overwrite)}>
          {t("save.overwrite")}
        </button>
      </div>
    );
  }
  if (status === "offline") {
    return (
      <div className="banner info" role="status">
        {t("save.offlineText")}
      </div>
    );
  }
  if (status === "error") {
    return (
      <div className="banner error pre" role="alert">
        {t("save.errorText")}
        {error ? `\n${error}` : ""}
      </div>
    );
  }
  return null;
}
