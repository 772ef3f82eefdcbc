import { lazy } from "react";
import { editorNode } from "../kind";
import { AiAnswerBody } from "./Body";

export const aiAnswerEditor = editorNode({
  icon: "✨",
  colour: "#7b4fd6",
  label: "type.ai_answer",
  Body: AiAnswerBody,
  // Loaded with the inspector, not with the canvas (opening a flow does not wait for the forms).
  Form: lazy(() => import("./Form").then((m) => ({ default: m.AiAnswerForm }))),
});
