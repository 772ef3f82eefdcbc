export { type EdgeSpec, makeContext, makeFlow, makeNode, sentTexts } from "./build";
export { talk } from "./talk";
