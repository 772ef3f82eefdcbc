import type { FlowNode } from "../node-types";
import { kindOf } from "../nodes";
import { joinPath } from "../problems";
import { localizeNode, translationsOf } from "../translations";
import { type NodeLintContext, ProblemList } from "./context";

/**
 * For each of the flow's other languages: a text a customer reads with no translation is a
 * warning naming the step, the field and the language (the contact gets the default text); and
 * every translation is held to the channel's limits, by linting the node as a contact speaking
 * that language sees it, and keeping what is said of its translated texts.
 */
export function lintTranslations(
  node: FlowNode,
  nodeIndex: number,
  context: NodeLintContext,
  languages: readonly string[],
): void {
  const texts = translationsOf(node);
  if (texts.length === 0) return;
  const step = "label" in node.data && node.data.label ? node.data.label : node.id;
  for (const language of languages) {
    const translated = new Map<string, string>();
    for (const text of texts) {
      const value = text.translations[language];
      if (value !== undefined) {
        translated.set(
          joinPath(`nodes[${nodeIndex}]`, text.path),
          `${text.holderPath}.translations.${language}.${text.field}`,
        );
      } else if (text.text.trim() !== "") {
        context.problems.onNode(
          nodeIndex,
          node,
          "translation-missing",
          "warning",
          text.path,
          `The step "${step}" has no "${language}" text for its ${text.field} "${text.text}": contacts speaking ${language} get the default text.`,
          { language, field: text.field },
        );
      }
    }
    if (translated.size === 0) continue;
    const found = new ProblemList();
    kindOf(node.type).lint(localizeNode(node, language), nodeIndex, {
      ...context,
      problems: found,
    });
    for (const problem of found.problems) {
      const path = translated.get(problem.path);
      if (path === undefined) continue;
      context.problems.add({
        ...problem,
        path: joinPath(`nodes[${nodeIndex}]`, path),
        message: `In ${language}: ${problem.message}`,
        params: { ...problem.params, language },
      });
    }
  }
}
