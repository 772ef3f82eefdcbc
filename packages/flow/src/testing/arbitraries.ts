/** `@convo/flow/testing/arbitrary`: fast-check generators of flows and of each node type's data. */
export { arbitraryFlow, WIDE_VOCABULARY } from "./arbitrary";
export {
  arbitraryNodeData,
  NODE_ARBITRARIES,
  type NodeArbitraries,
  withoutUndefined,
} from "./node-arbitraries";
export { optional } from "./optional";
export type { NodeArbitrary, Vocabulary } from "./vocabulary";
