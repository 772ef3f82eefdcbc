import { joinPath } from "../problems";
import type { Flow } from "../schema";
import { templateReferences } from "../template";
import { nodeTexts } from "../texts";
import type { ProblemList } from "./context";

/** Where the runtime fills `{{secrets.NAME}}`: an HTTP step's address, header values and body. */
const SECRET_PLACES = /^data\.steps\[\d+\]\.(?:url|body|headers\[\d+\]\.value)$/;

/**
 * `secret-outside-http`: `{{secrets.NAME}}` anywhere else (a message, a set-variable step, a
 * condition) is never filled in, by design: it would be sent or stored as written, and a value
 * is never templated again, so it does not become a secret later either.
 */
export function lintSecretPlaces(flow: Flow, problems: ProblemList): void {
  flow.nodes.forEach((node, nodeIndex) => {
    if (node.type === "note") return;
    for (const { path, text } of nodeTexts(node)) {
      if (!text.includes("{{secrets.")) continue;
      if (node.type === "action" && SECRET_PLACES.test(path)) continue;
      const secret = templateReferences(text).find((r) => r.namespace === "secrets");
      if (!secret) continue;
      problems.add({
        code: "secret-outside-http",
        severity: "warning",
        path: joinPath(`nodes[${nodeIndex}]`, path),
        nodeId: node.id,
        message: `{{${secret.name}}} is filled in only in an HTTP step's address, headers and body; here it stays as written.`,
        params: { name: secret.key },
      });
    }
  });
}
