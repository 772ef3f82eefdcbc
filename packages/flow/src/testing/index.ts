/**
 * `@convo/flow/testing`: hand-built flows and builders for tests and benchmarks. Dependency-free,
 * so it loads anywhere; the fast-check generators are in `@convo/flow/testing/arbitrary` and the
 * repository's examples (Node only) in `@convo/flow/testing/examples`.
 */
export { type EdgeSpec, makeFlow, makeNode } from "./build";
export { testChannel } from "./channel";
export { echoFlow, eventFlow, smallFlow, twoButtonFlow } from "./flows";
