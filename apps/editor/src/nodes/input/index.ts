import { lazy } from "react";
import { editorNode } from "../kind";
import { InputBody } from "./Body";

export const inputEditor = editorNode({
  icon: "?",
  colour: "#7b61ff",
  label: "type.input",
  Body: InputBody,
  // Loaded with the inspector, not with the canvas (opening a flow does not wait for the forms).
  Form: lazy(() => import("./Form").then((m) => ({ default: m.InputForm }))),
});
