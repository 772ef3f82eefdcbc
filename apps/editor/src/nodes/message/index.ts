import { editorNode } from "../kind";
import { MessageBody } from "./Body";
import { MessageForm } from "./Form";

export const messageEditor = editorNode({
  icon: "✉",
  colour: "#0084ff",
  label: "type.message",
  Body: MessageBody,
  Form: MessageForm,
});
