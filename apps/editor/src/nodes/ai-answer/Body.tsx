import { knowledgePassages, type NodeOfType } from "@convo/flow";
import { useT } from "../../i18n";

/** What the step answers from, and where the answer goes. */
export function AiAnswerBody({ node }: { node: NodeOfType<"ai_answer"> }) {
  const t = useT();
  const { entries, variable, tone } = node.data;
  const paragraphs = knowledgePassages(node.data).length - entries.length;
  return (
    <>
      <p className="small">
        {t("ai.knowledgeSummary", { entries: entries.length, paragraphs: Math.max(0, paragraphs) })}
      </p>
      {tone && <p className="muted small">{t("ai.tone", { tone })}</p>}
      {variable && <p className="muted small">{t("ai.storedIn", { name: variable })}</p>}
    </>
  );
}
