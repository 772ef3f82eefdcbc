import { useEffect, useState } from "react";
import { Dialog } from "../common/Dialog";
import { describeError } from "../common/errors";
import { navigate } from "../common/route";
import { useApi } from "../common/session";
import { isMessageKey, useLocale, useT } from "../i18n";
import { TemplatePicture } from "./TemplatePicture";
import { loadTemplates, namedCopy, type Template } from "./templates";

/**
 * "New flow": a blank canvas or one of the examples, each with its picture, its name and what it
 * does in the reader's language. The name typed in the flows list comes along; without one the
 * template's own is used. Creating opens the new flow.
 */
export default function TemplateGallery({
  initialName,
  onClose,
}: {
  initialName: string;
  onClose: () => void;
}) {
  const t = useT();
  const api = useApi();
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [name, setName] = useState(initialName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void loadTemplates().then((list) => live && setTemplates(list));
    return () => {
      live = false;
    };
  }, []);

  /** The template's words in the reader's language, or the file's own (English). */
  const words = (template: Template) => {
    const title = `template.${template.id}.name`;
    const text = `template.${template.id}.description`;
    return {
      title: isMessageKey(title) ? t(title) : template.name,
      text: isMessageKey(text) ? t(text) : template.description,
    };
  };

  async function create(from: Template | null) {
    setBusy(true);
    setError(null);
    try {
      const chosen = name.trim() || (from ? words(from).title : t("gallery.blankName"));
      const detail = from
        ? await api.importFlow(namedCopy(from, chosen), { copy: chosen })
        : await api.createFlow(chosen, useLocale.getState().locale);
      onClose();
      navigate({ screen: "flow", flowId: detail.id });
    } catch (e) {
      setError(describeError(t, e));
      setBusy(false);
    }
  }

  return (
    <Dialog title={t("gallery.title")} onClose={onClose}>
      <div className="gallery">
        <label className="field">
          <span>{t("gallery.name")}</span>
          <input
            value={name}
            placeholder={t("gallery.namePlaceholder")}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        {error && (
          <p className="error pre" role="alert">
            {error}
          </p>
        )}
        <ul className="gallery-list" aria-label={t("gallery.templates")} aria-busy={!templates}>
          <li>
            <button
              type="button"
              className="gallery-card"
              disabled={busy}
              onClick={() => void create(null)}
            >
              <span className="template-picture blank" aria-hidden="true">
                +
              </span>
              <strong>{t("gallery.blank")}</strong>
              <span className="muted small">{t("gallery.blankText")}</span>
            </button>
          </li>
          {templates === null ? (
            <li className="loading">{t("common.loading")}</li>
          ) : (
            templates.map((template) => {
              const { title, text } = words(template);
              return (
                <li key={template.id}>
                  <button
                    type="button"
                    className="gallery-card"
                    disabled={busy}
                    aria-describedby={`template-${template.id}`}
                    onClick={() => void create(template)}
                  >
                    <TemplatePicture template={template} />
                    <strong>{title}</strong>
                    <span className="muted small" id={`template-${template.id}`}>
                      {text}
                    </span>
                    <span className="muted small">
                      {t("gallery.languages", { languages: template.languages.join(", ") })}
                    </span>
                  </button>
                </li>
              );
            })
          )}
        </ul>
        <div className="row">
          <button type="button" onClick={onClose}>
            {t("common.close")}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
