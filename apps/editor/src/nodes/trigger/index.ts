import { editorNode } from "../kind";
import { TriggerBody } from "./Body";
import { TriggerForm } from "./Form";

export const triggerEditor = editorNode({
  icon: "⚡",
  colour: "#1877f2",
  label: "type.trigger",
  Body: TriggerBody,
  Form: TriggerForm,
});
