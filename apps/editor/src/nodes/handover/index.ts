import { editorNode } from "../kind";
import { HandoverBody } from "./Body";
import { HandoverForm } from "./Form";

export const handoverEditor = editorNode({
  icon: "☺",
  colour: "#ff6b4a",
  label: "type.handover",
  Body: HandoverBody,
  Form: HandoverForm,
});
