import { DEFAULT_MIN_SCORE, NODE_KINDS, type NodeOfType } from "@convo/flow";
import { ListField, NumberField, TextField, useNodeSetter } from "../../form/fields";
import { useFreshId } from "../../form/use-fresh-id";
import { useT } from "../../i18n";
import { useAiFormText } from "../../i18n/ai-forms";
import { AskBox } from "./AskBox";
import { KnowledgeFile } from "./KnowledgeFile";

/** The ranges the form offers, from the node kind (the schema reads the same). */
const LIMITS = NODE_KINDS.ai_answer.limits;

/** The knowledge base (FAQ entries and pasted text), the tone, and where the answer goes. */
export function AiAnswerForm({ node }: { node: NodeOfType<"ai_answer"> }) {
  const t = useT();
  const a = useAiFormText();
  const f = useNodeSetter(node.id);
  const fresh = useFreshId();
  const d = node.data;
  const optional = (path: string, value: string) =>
    f.set(["data", path], value.trim() === "" ? undefined : value);
  return (
    <>
      <TextField
        label={a("ai.question")}
        value={d.question ?? ""}
        template
        placeholder={a("ai.questionPlaceholder")}
        onChange={(v) => optional("question", v)}
        onBlur={f.endGroup}
      />
      <ListField
        label={a("ai.entries")}
        items={d.entries}
        max={LIMITS.entries.max}
        onChange={(items) => f.replace(["data", "entries"], items)}
        itemLabel={(entry, i) => entry.question || a("ai.entry", { n: i + 1 })}
        add={[
          {
            label: a("ai.entry", { n: d.entries.length + 1 }),
            create: () => ({ id: fresh("faq"), question: "", answer: "" }),
          },
        ]}
        render={(entry, i) => (
          <>
            <TextField
              label={a("ai.entryQuestion")}
              value={entry.question}
              onChange={(v) => f.set(["data", "entries", i, "question"], v)}
              onBlur={f.endGroup}
            />
            <TextField
              label={a("ai.entryAnswer")}
              value={entry.answer}
              multiline
              onChange={(v) => f.set(["data", "entries", i, "answer"], v)}
              onBlur={f.endGroup}
            />
          </>
        )}
      />
      <TextField
        label={a("ai.text")}
        value={d.text ?? ""}
        multiline
        placeholder={a("ai.textPlaceholder")}
        testId="ai-text"
        onChange={(v) => optional("text", v)}
        onBlur={f.endGroup}
      />
      <KnowledgeFile
        text={d.text}
        onImport={(text) => f.replace(["data", "text"], text === "" ? undefined : text)}
      />
      <TextField
        label={a("ai.toneField")}
        value={d.tone ?? ""}
        limit={LIMITS.tone.max}
        placeholder={a("ai.tonePlaceholder")}
        onChange={(v) => optional("tone", v)}
        onBlur={f.endGroup}
      />
      <TextField
        label={a("ai.variable")}
        value={d.variable ?? ""}
        placeholder={a("ai.variablePlaceholder")}
        onChange={(v) => optional("variable", v)}
        onBlur={f.endGroup}
      />
      <NumberField
        label={a("ai.minScore", { score: DEFAULT_MIN_SCORE })}
        value={d.minScore}
        {...LIMITS.minScore}
        step={0.1}
        onChange={(v) => f.set(["data", "minScore"], v)}
      />
      <NumberField
        label={t("field.timeoutMs")}
        value={d.timeoutMs}
        {...LIMITS.timeoutMs}
        onChange={(v) => f.set(["data", "timeoutMs"], v)}
      />
      <AskBox data={d} />
    </>
  );
}
