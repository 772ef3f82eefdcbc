import { lazy } from "react";
import { editorNode } from "../kind";
import { TriggerBody } from "./Body";

export const triggerEditor = editorNode({
  icon: "⚡",
  colour: "#1877f2",
  label: "type.trigger",
  Body: TriggerBody,
  // Loaded with the inspector, not with the canvas (opening a flow does not wait for the forms).
  Form: lazy(() => import("./Form").then((m) => ({ default: m.TriggerForm }))),
});
