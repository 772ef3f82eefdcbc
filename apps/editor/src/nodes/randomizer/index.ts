import { editorNode } from "../kind";
import { RandomizerBody } from "./Body";
import { RandomizerForm } from "./Form";

export const randomizerEditor = editorNode({
  icon: "⚄",
  colour: "#e056a0",
  label: "type.randomizer",
  Body: RandomizerBody,
  Form: RandomizerForm,
});
