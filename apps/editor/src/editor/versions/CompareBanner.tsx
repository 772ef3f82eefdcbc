import { useT } from "../../i18n";
import { useEditorState } from "../../store/context";

/** Says what the outlines on the canvas mean while a version is compared, and the way out. */
export function CompareBanner({ onLeave }: { onLeave: () => void }) {
  const t = useT();
  const version = useEditorState((s) => s.compare?.version);
  return (
    <div className="banner info compare-banner" role="status">
      <span>{t("diff.banner", { version: version ?? "" })}</span>
      <ul className="diff-legend" aria-label={t("diff.legend")}>
        {(["added", "removed", "changed"] as const).map((kind) => (
          <li key={kind}>
            <span className={`diff-swatch diff-swatch-${kind}`} aria-hidden="true" />
            {t(`diff.${kind}`)}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onLeave}>
        {t("diff.leave")}
      </button>
    </div>
  );
}
