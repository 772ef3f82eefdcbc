import { lazy } from "react";
import { editorNode } from "../kind";
import { RandomizerBody } from "./Body";

export const randomizerEditor = editorNode({
  icon: "⚄",
  colour: "#e056a0",
  label: "type.randomizer",
  Body: RandomizerBody,
  // Loaded with the inspector, not with the canvas (opening a flow does not wait for the forms).
  Form: lazy(() => import("./Form").then((m) => ({ default: m.RandomizerForm }))),
});
