import { lazy } from "react";
import { editorNode } from "../kind";
import { IntentBody } from "./Body";

export const intentEditor = editorNode({
  icon: "🧭",
  colour: "#5a6fd6",
  label: "type.intent",
  Body: IntentBody,
  // Loaded with the inspector, not with the canvas (opening a flow does not wait for the forms).
  Form: lazy(() => import("./Form").then((m) => ({ default: m.IntentForm }))),
});
