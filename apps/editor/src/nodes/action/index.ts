import { editorNode } from "../kind";
import { ActionBody } from "./Body";
import { ActionForm } from "./Form";

export const actionEditor = editorNode({
  icon: "⚙",
  colour: "#2bb673",
  label: "type.action",
  Body: ActionBody,
  Form: ActionForm,
});
