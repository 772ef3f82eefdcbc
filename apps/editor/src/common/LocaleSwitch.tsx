import { type Locale, useLocale, useT } from "../i18n";

export function LocaleSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <label className="locale-switch">
      <span className="visually-hidden">{t("common.language")}</span>
      <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
        <option value="en">English</option>
        <option value="fr">Français</option>
      </select>
    </label>
  );
}
