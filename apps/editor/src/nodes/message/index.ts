import { lazy } from "react";
import { editorNode } from "../kind";
import { MessageBody } from "./Body";

export const messageEditor = editorNode({
  icon: "✉",
  colour: "#0084ff",
  label: "type.message",
  Body: MessageBody,
  // Loaded with the inspector, not with the canvas (opening a flow does not wait for the forms).
  Form: lazy(() => import("./Form").then((m) => ({ default: m.MessageForm }))),
});
