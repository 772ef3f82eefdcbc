import { END } from "../run";
import type { EngineNodeKind } from "./kind";

/** A sticky note never runs; reaching one (only a hand-edited flow can) ends the path. */
export const noteNode: EngineNodeKind<"note"> = {
  visit: () => END,
};
