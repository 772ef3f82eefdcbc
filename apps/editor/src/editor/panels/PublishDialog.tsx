import { useState } from "react";
import { Dialog } from "../../common/Dialog";
import { useT } from "../../i18n";

export function PublishDialog({
  onPublish,
  onCancel,
}: {
  onPublish: (note: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [note, setNote] = useState("");
  return (
    <Dialog title={t("publish.title")} onClose={onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onPublish(note.trim());
        }}
      >
        <label className="field">
          <span>{t("publish.note")}</span>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
        </label>
        <div className="row">
          <button type="submit" className="primary">
            {t("publish.confirm")}
          </button>
          <button type="button" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
