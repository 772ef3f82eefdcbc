import { nextOutput } from "../../handles";
import { NO_REDACT, NO_VARIABLES, nodeKind } from "../../kind";
import { lintTrigger } from "./lint";
import { triggerDataSchema } from "./schema";

/** Where contacts enter a flow: a keyword, a link ref, a postback, Get Started or the default. */
export const triggerKind = nodeKind({
  type: "trigger",
  role: "start",
  data: triggerDataSchema,
  outputs: () => [nextOutput()],
  lint: lintTrigger,
  texts(node, out) {
    node.data.triggers.forEach((t, i) => {
      if (t.kind === "keyword") {
        t.keywords.forEach((k, j) => {
          out.push({ path: `data.triggers[${i}].keywords[${j}]`, text: k });
        });
      }
    });
  },
  variables: NO_VARIABLES,
  create: () => ({ triggers: [{ kind: "keyword", match: "contains", keywords: ["hello"] }] }),
  secretPlaces: null,
  redact: NO_REDACT,
  limits: {},
});
