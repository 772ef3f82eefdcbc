import { NODE_KINDS } from "@convo/flow";
import { useState } from "react";
import { CheckField } from "../../form/fields";
import { useLocale } from "../../i18n";
import { useAiFormText } from "../../i18n/ai-forms";
import {
  importKnowledge,
  isKnowledgeFile,
  KNOWLEDGE_FILE_ACCEPT,
  tooLargeToRead,
} from "./knowledge-file";

const MAX_CHARS = NODE_KINDS.ai_answer.limits.text.max;

/**
 * "Import a file": a Markdown or text file read in the browser and added after the knowledge
 * base's text (or put in its place), one undo step; other files and too much text are refused.
 */
export function KnowledgeFile({
  text,
  onImport,
}: {
  text: string | undefined;
  onImport: (text: string) => void;
}) {
  const a = useAiFormText();
  const locale = useLocale((s) => s.locale);
  const [replace, setReplace] = useState(false);
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const hasText = (text ?? "").trim() !== "";
  const max = MAX_CHARS.toLocaleString(locale);
  const tooLarge = (name: string, chars?: number) =>
    setSaid({
      ok: false,
      text: chars
        ? a("ai.fileTooLarge", { name, chars: chars.toLocaleString(locale), max })
        : a("ai.fileTooLargeToRead", { name, max }),
    });

  async function read(file: File) {
    if (!isKnowledgeFile(file.name)) {
      setSaid({ ok: false, text: a("ai.fileType", { name: file.name }) });
      return;
    }
    if (tooLargeToRead(file.size, MAX_CHARS)) return tooLarge(file.name);
    const result = importKnowledge(
      text,
      { name: file.name, text: await file.text() },
      replace && hasText ? "replace" : "append",
      MAX_CHARS,
    );
    if (!result.ok) {
      if (result.reason === "size") return tooLarge(file.name, result.chars);
      setSaid({ ok: false, text: a("ai.fileType", { name: file.name }) });
      return;
    }
    onImport(result.text);
    setSaid({ ok: true, text: a("ai.fileImported", { name: file.name }) });
  }

  return (
    <div className="field">
      <label>
        {a("ai.file")}{" "}
        <input
          type="file"
          accept={KNOWLEDGE_FILE_ACCEPT}
          data-testid="ai-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void read(file);
            e.target.value = "";
          }}
        />
      </label>
      {hasText && (
        <CheckField label={a("ai.fileReplace")} checked={replace} onChange={setReplace} />
      )}
      {said && (
        <p
          className={said.ok ? "muted small" : "error small"}
          role={said.ok ? "status" : "alert"}
          data-testid="ai-file-said"
        >
          {said.text}
        </p>
      )}
    </div>
  );
}
