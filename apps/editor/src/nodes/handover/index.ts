import { editorNode } from "../kind";
import { HandoverBody } from "./Body";
import { HandoverForm } from "./Form";

export const handoverEditor = editorNode({
  icon: "☺",
  label: "type.handover",
  Body: HandoverBody,
  Form: HandoverForm,
});
