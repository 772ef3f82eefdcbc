import { editorNode } from "../kind";
import { NoteBody } from "./Body";
import { NoteForm } from "./Form";

export const noteEditor = editorNode({
  icon: "✎",
  colour: "#f7d94c",
  label: "type.note",
  Body: NoteBody,
  Form: NoteForm,
});
