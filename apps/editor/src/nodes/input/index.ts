import { editorNode } from "../kind";
import { InputBody } from "./Body";
import { InputForm } from "./Form";

export const inputEditor = editorNode({
  icon: "?",
  label: "type.input",
  Body: InputBody,
  Form: InputForm,
});
