import { lazy } from "react";
import { editorNode } from "../kind";
import { ConditionBody } from "./Body";

export const conditionEditor = editorNode({
  icon: "⋔",
  colour: "#f5a623",
  label: "type.condition",
  Body: ConditionBody,
  // Loaded with the inspector, not with the canvas (opening a flow does not wait for the forms).
  Form: lazy(() => import("./Form").then((m) => ({ default: m.ConditionForm }))),
});
