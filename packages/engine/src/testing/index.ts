export { type EdgeSpec, makeContext, makeFlow, makeNode, sentTexts } from "./build";
export { generateLargeFlow, LARGE_FLOW_KEYWORD, LARGE_FLOW_WAIT_EVERY } from "./large-flow";
export { talk } from "./talk";
