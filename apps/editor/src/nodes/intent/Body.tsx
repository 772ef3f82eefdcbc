import { DEFAULT_MIN_CONFIDENCE, type NodeOfType } from "@convo/flow";
import { useT } from "../../i18n";

/** The intents, each with its first example. */
export function IntentBody({ node }: { node: NodeOfType<"intent"> }) {
  const t = useT();
  const { intents, minConfidence } = node.data;
  return (
    <>
      <ul className="rules">
        {intents.map((intent) => (
          <li key={intent.id}>
            {intent.name}
            {intent.examples[0] ? ` — “${intent.examples[0]}”` : ""}
          </li>
        ))}
      </ul>
      <p className="muted small">
        {t("intent.summary", {
          count: intents.length,
          confidence: Math.round((minConfidence ?? DEFAULT_MIN_CONFIDENCE) * 100),
        })}
      </p>
    </>
  );
}
