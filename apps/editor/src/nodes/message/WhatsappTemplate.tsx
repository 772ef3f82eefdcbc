import { type NodeOfType, WHATSAPP_TEMPLATE_NAME } from "@convo/flow";
import { CheckField, ListField, TextField, type useNodeSetter } from "../../form/fields";
import { useT } from "../../i18n";
import { useEditorState } from "../../store/context";

type Template = NonNullable<NodeOfType<"message">["data"]["whatsappTemplate"]>;
const AT = ["data", "whatsappTemplate"];

/**
 * WhatsApp outside its 24-hour window takes only a template approved in WhatsApp Manager: which one
 * this step sends there, in which language, and what fills its `{{1}}`, `{{2}}`… The approved
 * translation each of the flow's other languages gets is set with the step's other translations;
 * a parameter that is words rather than a variable is given again per language here.
 */
export function WhatsappTemplateFields({
  node,
  f,
}: {
  node: NodeOfType<"message">;
  f: ReturnType<typeof useNodeSetter>;
}) {
  const t = useT();
  const languages = useEditorState((s) => s.flow.languages) ?? [];
  const template = node.data.whatsappTemplate;
  const parameters = template?.parameters ?? [];
  const setParameters = (next: string[]) =>
    f.replace([...AT, "parameters"], next.length > 0 ? next : undefined);
  /** The parameters a contact speaking `language` gets; empty ones fall back to the main ones. */
  const setTranslated = (language: string, index: number, value: string) => {
    const own = template?.translations?.[language];
    const list = parameters.map((p, i) => (i === index ? value || p : (own?.parameters?.[i] ?? p)));
    const same = list.every((p, i) => p === parameters[i]);
    const fields: Partial<NonNullable<Template["translations"]>[string]> = { ...own };
    if (same) delete fields.parameters;
    else fields.parameters = list;
    const { [language]: _, ...others } = template?.translations ?? {};
    const next = Object.keys(fields).length > 0 ? { ...others, [language]: fields } : others;
    f.set([...AT, "translations"], Object.keys(next).length > 0 ? next : undefined);
  };
  return (
    <fieldset className="whatsapp-template">
      <legend>{t("waTemplate.title")}</legend>
      <CheckField
        label={t("waTemplate.use")}
        checked={template !== undefined}
        onChange={(on) =>
          f.replace(
            AT,
            on
              ? { name: "", language: languages[0] === "en" ? "en_US" : (languages[0] ?? "fr") }
              : undefined,
          )
        }
      />
      {template && (
        <>
          <TextField
            label={t("waTemplate.name")}
            value={template.name}
            placeholder="order_update"
            onChange={(v) => f.set([...AT, "name"], v)}
            onBlur={f.endGroup}
          />
          {template.name !== "" && !WHATSAPP_TEMPLATE_NAME.test(template.name) ? (
            <p className="hint error" role="alert">
              {t("waTemplate.nameInvalid")}
            </p>
          ) : (
            <p className="hint">{t("waTemplate.nameHint")}</p>
          )}
          <TextField
            label={t("waTemplate.language")}
            value={template.language}
            placeholder="fr, en_US"
            onChange={(v) => f.set([...AT, "language"], v)}
            onBlur={f.endGroup}
          />
          <ListField
            label={t("waTemplate.parameters")}
            items={parameters}
            max={20}
            onChange={setParameters}
            itemLabel={(_, i) => `{{${i + 1}}}`}
            add={[{ label: t("waTemplate.addParameter"), create: () => "" }]}
            render={(p, i) => (
              <>
                <TextField
                  label={t("waTemplate.parameterN", { n: i + 1 })}
                  value={p}
                  template
                  onChange={(v) => f.set([...AT, "parameters", i], v)}
                  onBlur={f.endGroup}
                />
                {languages.slice(1).map((language) => (
                  <TextField
                    key={language}
                    label={t("waTemplate.parameterIn", { n: i + 1, language })}
                    value={shownTranslation(template, language, i)}
                    placeholder={p}
                    template
                    onChange={(v) => setTranslated(language, i, v)}
                    onBlur={f.endGroup}
                  />
                ))}
              </>
            )}
          />
        </>
      )}
    </fieldset>
  );
}

/** A parameter's own text in `language`, or nothing when it is the main one (shown as a hint). */
function shownTranslation(template: Template, language: string, index: number): string {
  const own = template.translations?.[language]?.parameters?.[index];
  return own === undefined || own === template.parameters?.[index] ? "" : own;
}
