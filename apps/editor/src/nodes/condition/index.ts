import { editorNode } from "../kind";
import { ConditionBody } from "./Body";
import { ConditionForm } from "./Form";

export const conditionEditor = editorNode({
  icon: "⋔",
  colour: "#f5a623",
  label: "type.condition",
  Body: ConditionBody,
  Form: ConditionForm,
});
