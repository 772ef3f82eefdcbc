import { lazy } from "react";
import { editorNode } from "../kind";
import { ActionBody } from "./Body";

export const actionEditor = editorNode({
  icon: "⚙",
  colour: "#2bb673",
  label: "type.action",
  Body: ActionBody,
  // Loaded with the inspector, not with the canvas (opening a flow does not wait for the forms).
  Form: lazy(() => import("./Form").then((m) => ({ default: m.ActionForm }))),
});
