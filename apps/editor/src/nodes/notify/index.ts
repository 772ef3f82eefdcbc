import { editorNode } from "../kind";
import { NotifyBody } from "./Body";
import { NotifyForm } from "./Form";

export const notifyEditor = editorNode({
  icon: "📣",
  label: "type.notify",
  Body: NotifyBody,
  Form: NotifyForm,
});
