import { lazy } from "react";
import { editorNode } from "../kind";
import { DelayBody } from "./Body";

export const delayEditor = editorNode({
  icon: "◷",
  colour: "#8e9aa6",
  label: "type.delay",
  Body: DelayBody,
  // Loaded with the inspector, not with the canvas (opening a flow does not wait for the forms).
  Form: lazy(() => import("./Form").then((m) => ({ default: m.DelayForm }))),
});
