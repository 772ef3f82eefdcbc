import { editorNode } from "../kind";
import { ConditionBody } from "./Body";
import { ConditionForm } from "./Form";

export const conditionEditor = editorNode({
  icon: "⋔",
  label: "type.condition",
  Body: ConditionBody,
  Form: ConditionForm,
});
