import { type FlowNode, LANGUAGE_PATTERN, translationsOf, withTranslation } from "@convo/flow";
import { importTranslationsCsv, translationsCsv } from "@convo/flow/translations/csv";
import { useState } from "react";
import { downloadText } from "../common/download";
import { TextField } from "../form/fields";
import { useT } from "../i18n";
import { useEditor, useEditorState } from "../store/context";

/**
 * The flow's languages, and the selected step's texts in each language besides the default,
 * side by side: an empty field shows the default text greyed (what the contact gets until it is
 * translated), and "copy default to missing" fills the blanks of one language.
 */
export function TranslationsSection({ node }: { node: FlowNode }) {
  const t = useT();
  const editor = useEditor();
  const languages = useEditorState((s) => s.flow.languages) ?? [];
  const texts = translationsOf(node);
  const setTranslation = (holderPath: string, field: string, language: string, value: string) => {
    const next = withTranslation(
      node,
      holderPath,
      field,
      language,
      value === "" ? undefined : value,
    );
    editor.setNodeField(
      node.id,
      ["data"],
      next.data,
      `${node.id}:translation:${holderPath}.${field}.${language}`,
    );
  };
  const copyMissing = (language: string) => {
    let next = node;
    for (const text of texts) {
      if (text.translations[language] === undefined && text.text !== "") {
        next = withTranslation(next, text.holderPath, text.field, language, text.text);
      }
    }
    if (next !== node) editor.setNodeField(node.id, ["data"], next.data);
  };
  return (
    <fieldset className="translations">
      <legend>{t("translations.title")}</legend>
      <LanguagesField languages={languages} />
      <TranslatorFiles languages={languages} />
      {texts.length > 0 &&
        languages.slice(1).map((language) => (
          <div key={language} className="translations-language" data-language={language}>
            <div className="translations-head">
              <strong>{language}</strong>
              <button type="button" onClick={() => copyMissing(language)}>
                {t("translations.copyMissing")}
              </button>
            </div>
            {texts.map((text) => (
              <TextField
                key={text.path}
                label={`${text.field} · ${text.text}`}
                value={text.translations[language] ?? ""}
                placeholder={text.text}
                template
                onChange={(v) => setTranslation(text.holderPath, text.field, language, v)}
                onBlur={editor.endGroup}
                testId={`translation-${language}-${text.id}-${text.field}`}
              />
            ))}
          </div>
        ))}
    </fieldset>
  );
}

/** The flow's languages as codes separated by commas; the first is the default. */
function LanguagesField({ languages }: { languages: readonly string[] }) {
  const t = useT();
  const editor = useEditor();
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const shown = draft ?? languages.join(", ");
  const commit = () => {
    if (draft === undefined) return;
    const list = [
      ...new Set(
        draft
          .split(/[\s,]+/)
          .map((l) => l.trim().toLowerCase())
          .filter((l) => LANGUAGE_PATTERN.test(l)),
      ),
    ];
    if (list.length > 0) editor.setFlowField(["languages"], list);
    setDraft(undefined);
  };
  return (
    <TextField
      label={t("translations.languages")}
      value={shown}
      onChange={setDraft}
      onBlur={commit}
      testId="flow-languages"
    />
  );
}

/** The flow's texts as a CSV for a translator per language, and a translated file put back. */
function TranslatorFiles({ languages }: { languages: readonly string[] }) {
  const t = useT();
  const editor = useEditor();
  const [report, setReport] = useState<string | null>(null);
  if (languages.length < 2) return null;
  const upload = async (file: File) => {
    const result = importTranslationsCsv(editor.store.getState().flow, await file.text());
    if ("error" in result) {
      setReport(result.error);
      return;
    }
    if (result.flow !== editor.store.getState().flow) editor.replaceFlow(result.flow);
    setReport(
      t("translations.imported", {
        changed: t("translations.changed", {
          count: result.changed.length,
          language: result.language,
        }),
        unknown: t("translations.notApplied", { count: result.unknown.length }),
      }),
    );
  };
  return (
    <div className="translations-files">
      {languages.slice(1).map((language) => (
        <button
          key={language}
          type="button"
          onClick={() => {
            const flow = editor.store.getState().flow;
            downloadText(`${flow.id}.${language}.csv`, translationsCsv(flow, language), "text/csv");
          }}
        >
          {t("translations.download", { language })}
        </button>
      ))}
      <label>
        {t("translations.upload")}{" "}
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="translations-upload"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
            e.target.value = "";
          }}
        />
      </label>
      {report && (
        <p className="small" role="status">
          {report}
        </p>
      )}
    </div>
  );
}
