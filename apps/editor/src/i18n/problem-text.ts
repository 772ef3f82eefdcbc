import type { FlowProblem } from "@convo/flow";
import { isMessageKey, type Locale, translate } from "./index";

/**
 * A lint problem in the reader's language, from its stable `code` and `params`; a problem of some
 * channels only is prefixed with them. Only the Problems tab reads problems, so this loads with it
 * (and with the panels' words, where the prefix's template is).
 */
export function problemText(locale: Locale, problem: FlowProblem): string {
  const key = `problem.${problem.code}`;
  if (!isMessageKey(key)) return problem.message;
  const text = translate(locale, key, problem.params);
  const channels = problem.params?.channels;
  return channels === undefined
    ? text
    : translate(locale, "problem.ofChannels", { channels, text });
}
