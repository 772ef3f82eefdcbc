import { lazy } from "react";
import { editorNode } from "../kind";
import { NoteBody } from "./Body";

export const noteEditor = editorNode({
  icon: "✎",
  colour: "#f7d94c",
  label: "type.note",
  Body: NoteBody,
  // Loaded with the inspector, not with the canvas (opening a flow does not wait for the forms).
  Form: lazy(() => import("./Form").then((m) => ({ default: m.NoteForm }))),
});
