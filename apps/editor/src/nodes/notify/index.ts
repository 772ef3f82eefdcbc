import { lazy } from "react";
import { editorNode } from "../kind";
import { NotifyBody } from "./Body";

export const notifyEditor = editorNode({
  icon: "📣",
  colour: "#00a3a3",
  label: "type.notify",
  Body: NotifyBody,
  // Loaded with the inspector, not with the canvas (opening a flow does not wait for the forms).
  Form: lazy(() => import("./Form").then((m) => ({ default: m.NotifyForm }))),
});
