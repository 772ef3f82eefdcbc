import { editorNode } from "../kind";
import { GotoBody } from "./Body";
import { GotoForm } from "./Form";

export const gotoEditor = editorNode({
  icon: "↪",
  colour: "#5a6acf",
  label: "type.goto",
  Body: GotoBody,
  Form: GotoForm,
});
