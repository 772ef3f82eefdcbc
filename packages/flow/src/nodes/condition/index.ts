import { ELSE } from "../../handles";
import { NO_REDACT, nodeKind } from "../../kind";
import { lintCondition } from "./lint";
import { conditionDataSchema } from "./schema";

/** Branches of rules on variables, tags and contact fields; the first that holds wins, else `else`. */
export const conditionKind = nodeKind({
  type: "condition",
  role: "step",
  data: conditionDataSchema,
  outputs: (node) => [
    ...node.data.branches.map((branch, i) => ({
      id: branch.id,
      kind: "branch" as const,
      label: branch.label ?? `Branch ${i + 1}`,
      path: `data.branches[${i}]`,
    })),
    { id: ELSE, kind: "else", label: "Else", path: "" },
  ],
  lint: lintCondition,
  texts(node, out) {
    node.data.branches.forEach((branch, b) => {
      branch.rules.forEach((rule, r) => {
        if (rule.kind !== "tag" && rule.value !== undefined && rule.op !== "matches") {
          out.push({ path: `data.branches[${b}].rules[${r}].value`, text: rule.value });
        }
      });
    });
  },
  variables(node, uses) {
    node.data.branches.forEach((branch, b) => {
      branch.rules.forEach((rule, r) => {
        if (rule.kind === "variable") uses.read(rule.name, `data.branches[${b}].rules[${r}].name`);
      });
    });
  },
  create: (freshId) => ({
    branches: [
      {
        id: freshId("branch"),
        match: "all",
        // Empty: the marketer picks what to test among the flow's variables, fields and tags.
        rules: [],
      },
    ],
  }),
  secretPlaces: null,
  redact: NO_REDACT,
  limits: {},
});
