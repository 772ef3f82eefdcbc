import { ELSE } from "../../handles";
import { NO_REDACT, nodeKind } from "../../kind";
import { lintIntent } from "./lint";
import { INTENT_LIMITS, intentDataSchema } from "./schema";

/**
 * Routes the contact's free text by what it means: the brand's model picks one of the intents
 * from their example phrases; the text goes out on that intent's handle, or on `else` when none
 * fits, the model is not confident enough, or it fails. The host calls the model.
 */
export const intentKind = nodeKind({
  type: "intent",
  role: "step",
  data: intentDataSchema,
  outputs: (node) => [
    ...node.data.intents.map((intent, i) => ({
      id: intent.id,
      kind: "branch" as const,
      label: intent.name,
      path: `data.intents[${i}]`,
    })),
    { id: ELSE, kind: "else", label: "Else", path: "" },
  ],
  lint: lintIntent,
  texts(node, out) {
    if (node.data.question !== undefined) {
      out.push({ path: "data.question", text: node.data.question });
    }
  },
  variables: () => {},
  create: (freshId) => ({
    intents: [
      {
        id: freshId("intent"),
        name: "Track an order",
        examples: ["Where is my order?", "Où est ma commande ?"],
      },
      {
        id: freshId("intent"),
        name: "Opening hours",
        examples: ["When are you open?", "Quels sont vos horaires ?"],
      },
    ],
  }),
  secretPlaces: null,
  redact: NO_REDACT,
  limits: INTENT_LIMITS,
});
