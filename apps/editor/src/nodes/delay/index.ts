import { editorNode } from "../kind";
import { DelayBody } from "./Body";
import { DelayForm } from "./Form";

export const delayEditor = editorNode({
  icon: "◷",
  label: "type.delay",
  Body: DelayBody,
  Form: DelayForm,
});
