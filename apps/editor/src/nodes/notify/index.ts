import { editorNode } from "../kind";
import { NotifyBody } from "./Body";
import { NotifyForm } from "./Form";

export const notifyEditor = editorNode({
  icon: "📣",
  colour: "#00a3a3",
  label: "type.notify",
  Body: NotifyBody,
  Form: NotifyForm,
});
