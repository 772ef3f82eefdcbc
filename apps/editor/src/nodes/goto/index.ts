import { lazy } from "react";
import { editorNode } from "../kind";
import { GotoBody } from "./Body";

export const gotoEditor = editorNode({
  icon: "↪",
  colour: "#5a6acf",
  label: "type.goto",
  Body: GotoBody,
  // Loaded with the inspector, not with the canvas (opening a flow does not wait for the forms).
  Form: lazy(() => import("./Form").then((m) => ({ default: m.GotoForm }))),
});
