import type { NodeOutput } from "@convo/flow";
import type { Translate } from "../../i18n";

/**
 * The label beside a handle in the reader's language. Titles typed by the marketer are shown as
 * typed; the fixed outputs and the default names of branches and variants are translated.
 */
export function outputLabel(
  t: Translate,
  output: NodeOutput,
  index: number,
  nodeType: string,
): string {
  switch (output.kind) {
    case "button":
    case "quick_reply":
    case "choice":
      return output.label || "…";
    case "branch":
      return /^Branch \d+$/.test(output.label)
        ? t("output.branch", { n: index + 1 })
        : output.label;
    case "variant":
      return /^Variant [A-Z]$/.test(output.label)
        ? t("output.variant", { letter: String.fromCharCode(65 + (index % 26)) })
        : output.label;
    case "else":
      return nodeType === "message" ? t("output.anythingElse") : t("output.else");
    case "next":
    case "answered":
    case "unsure":
    case "invalid":
    case "timeout":
    case "error":
      return t(`output.${output.kind}`);
    default:
      return output.label;
  }
}
