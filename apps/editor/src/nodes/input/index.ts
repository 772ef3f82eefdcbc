import { editorNode } from "../kind";
import { InputBody } from "./Body";
import { InputForm } from "./Form";

export const inputEditor = editorNode({
  icon: "?",
  colour: "#7b61ff",
  label: "type.input",
  Body: InputBody,
  Form: InputForm,
});
