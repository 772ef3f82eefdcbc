import { editorNode } from "../kind";
import { RandomizerBody } from "./Body";
import { RandomizerForm } from "./Form";

export const randomizerEditor = editorNode({
  icon: "⚄",
  label: "type.randomizer",
  Body: RandomizerBody,
  Form: RandomizerForm,
});
