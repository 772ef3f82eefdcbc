import type { NodeOfType } from "@convo/flow";
import { useT } from "../../i18n";

/** What the step answers from, and where the answer goes. */
export function AiAnswerBody({ node }: { node: NodeOfType<"ai_answer"> }) {
  const t = useT();
  const { entries, text, variable, tone } = node.data;
  return (
    <>
      <p className="small">
        {t(text?.trim() ? "ai.knowledgeWithText" : "ai.knowledgeSummary", {
          entries: entries.length,
        })}
      </p>
      {tone && <p className="muted small">{t("ai.tone", { tone })}</p>}
      {variable && <p className="muted small">{t("ai.storedIn", { name: variable })}</p>}
    </>
  );
}
