import { lazy } from "react";
import { editorNode } from "../kind";
import { HandoverBody } from "./Body";

export const handoverEditor = editorNode({
  icon: "☺",
  colour: "#ff6b4a",
  label: "type.handover",
  Body: HandoverBody,
  // Loaded with the inspector, not with the canvas (opening a flow does not wait for the forms).
  Form: lazy(() => import("./Form").then((m) => ({ default: m.HandoverForm }))),
});
