import { passagesFor } from "@convo/engine";
import { type NodeData, PASSAGES_SENT } from "@convo/flow";
import { useState } from "react";
import { useAiFormText } from "../../i18n/ai-forms";

/**
 * "Test a question": the passages the step would send to the model for it, ranked as the engine
 * ranks them (nothing found: the step goes Unsure without asking the model).
 */
export function AskBox({ data }: { data: NodeData<"ai_answer"> }) {
  const a = useAiFormText();
  const [question, setQuestion] = useState("");
  const found = question.trim() === "" ? undefined : passagesFor(data, question);
  return (
    <fieldset className="list-field">
      <legend>{a("ai.tryQuestion")}</legend>
      <input
        type="search"
        value={question}
        placeholder={a("ai.tryPlaceholder")}
        aria-label={a("ai.tryQuestion")}
        data-testid="ai-try"
        onChange={(e) => setQuestion(e.target.value)}
      />
      {found && found.length === 0 && <p className="small">{a("ai.tryNothing")}</p>}
      {found && found.length > 0 && (
        <>
          <p className="muted small">
            {a("ai.tryFound", { count: found.length, max: PASSAGES_SENT })}
          </p>
          <ol className="small">
            {found.map((passage) => (
              <li key={passage}>{passage}</li>
            ))}
          </ol>
        </>
      )}
    </fieldset>
  );
}
