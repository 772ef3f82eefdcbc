/**
 * Commands on a flow document that are graph rules, for any editor: fresh ids, connecting an
 * output, copying and pasting steps, adding a step. Pure functions; the editor's store records
 * them as undo steps.
 */
export { acceptsConnections, connectEdges, isAnnotation, removeElements } from "./connect";
export { copyFragment, type Fragment, isFragment, pasteFragment } from "./fragment";
export { freshId, idAllocator, takenIds } from "./ids";
export { newNode } from "./new-node";
