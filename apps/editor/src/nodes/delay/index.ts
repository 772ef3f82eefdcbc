import { editorNode } from "../kind";
import { DelayBody } from "./Body";
import { DelayForm } from "./Form";

export const delayEditor = editorNode({
  icon: "◷",
  colour: "#8e9aa6",
  label: "type.delay",
  Body: DelayBody,
  Form: DelayForm,
});
