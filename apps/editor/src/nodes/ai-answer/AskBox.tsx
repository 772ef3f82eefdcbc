import { answerRequestFor } from "@convo/engine";
import { type NodeData, PASSAGES_SENT } from "@convo/flow";
import { useMemo, useRef, useState } from "react";
import { testApi } from "../../api/test-api";
import type { AiOutcome } from "../../api/types";
import { describeError } from "../../common/errors";
import { useSession } from "../../common/session";
import { useLocale, useT } from "../../i18n";
import { useAiFormText } from "../../i18n/ai-forms";

/**
 * What the model said to the request last sent, or why it said nothing. `key` is the request as
 * sent: another question, or a knowledge base or tone edited since, and the answer is not shown.
 */
type Asked =
  | { key: string; state: "asking" }
  | { key: string; state: "done"; outcome: AiOutcome }
  | { key: string; state: "failed"; message: string };

/**
 * "Test a question": the passages the step would send to the model for it, ranked as the engine
 * ranks them (nothing found: the step goes Unsure without asking the model), and on demand the
 * model's answer, asked through the runtime with the request a conversation would send.
 */
export function AskBox({ data }: { data: NodeData<"ai_answer"> }) {
  const a = useAiFormText();
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const token = useSession((s) => s.credentials) ?? "";
  const api = useMemo(() => testApi(token), [token]);
  const [question, setQuestion] = useState("");
  const [asked, setAsked] = useState<Asked | null>(null);
  // Only the latest request's answer is kept: an earlier one arriving late is dropped.
  const latest = useRef(0);
  const trimmed = question.trim();
  // The tester's language stands for the contact's: the model answers in it.
  const request =
    trimmed === ""
      ? undefined
      : answerRequestFor(data, trimmed, { locale: locale === "fr" ? "fr_FR" : "en_GB" });
  const found = request?.passages ?? (trimmed === "" ? undefined : []);
  const key = request ? JSON.stringify(request) : "";
  const shown = asked?.key === key ? asked : null;

  async function ask() {
    if (!request) return;
    const id = ++latest.current;
    const settle = (next: Asked) => {
      if (id === latest.current) setAsked(next);
    };
    setAsked({ key, state: "asking" });
    try {
      settle({ key, state: "done", outcome: await api.simulateAi(request) });
    } catch (error) {
      settle({ key, state: "failed", message: describeError(t, error) });
    }
  }

  return (
    <fieldset className="list-field">
      <legend>{a("ai.tryQuestion")}</legend>
      {/* Not a form: the inspector around it is one. Enter in the box asks, as the button does. */}
      <div className="ai-try">
        <input
          type="search"
          value={question}
          placeholder={a("ai.tryPlaceholder")}
          aria-label={a("ai.tryQuestion")}
          data-testid="ai-try"
          onChange={(e) => setQuestion(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== "Enter") return;
            e.preventDefault();
            void ask();
          }}
        />
        <button
          type="button"
          disabled={!request || shown?.state === "asking"}
          onClick={() => void ask()}
        >
          {a("ai.ask")}
        </button>
      </div>
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
      {shown && <ModelSaid asked={shown} />}
    </fieldset>
  );
}

/** The model's answer, or the step's Unsure or Error path said in words. */
function ModelSaid({ asked }: { asked: Asked }) {
  const a = useAiFormText();
  if (asked.state === "asking") {
    return (
      <p className="muted small" aria-busy="true">
        {a("ai.asking")}
      </p>
    );
  }
  if (asked.state === "failed") {
    return (
      <p className="error small" role="alert" data-testid="ai-try-answer">
        {a("ai.askFailed", { error: asked.message })}
      </p>
    );
  }
  const { outcome } = asked;
  const answer = outcome.answer?.trim() ?? "";
  if (!outcome.ok) {
    return (
      <p className="error small" role="status" data-testid="ai-try-answer">
        {a("ai.askError", { error: outcome.error ?? "" })}
      </p>
    );
  }
  if (outcome.unsure === true || answer === "") {
    return (
      <p className="small" role="status" data-testid="ai-try-answer">
        {a("ai.askUnsure")}
      </p>
    );
  }
  return (
    <div role="status" data-testid="ai-try-answer">
      <p className="muted small">{a("ai.askAnswered")}</p>
      <blockquote className="small pre">{answer}</blockquote>
    </div>
  );
}
