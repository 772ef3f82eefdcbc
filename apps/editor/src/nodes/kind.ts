import type { NodeOfType, NodeType } from "@convo/flow";
import type { ComponentType } from "react";
import type { MessageKey } from "../i18n";

/** What a step's canvas body and inspector form receive: the node, typed for its kind. */
export interface NodeProps<T extends NodeType> {
  node: NodeOfType<T>;
}

/**
 * How the editor shows one node type. Each type's folder (`src/nodes/<type>/`) exports one;
 * `EDITOR_NODES` holds them, keyed by type, so a type without one does not compile. What the
 * node means (outputs, defaults, limits, what may connect to it) is `@convo/flow`'s kind.
 */
export interface EditorNodeKind<T extends NodeType> {
  /** Shown beside the name in the palette, the add menu and the step's head on the canvas. */
  readonly icon: string;
  /** The type's colour: the band of the simple box a step is drawn as when zoomed far out. */
  readonly colour: string;
  /** The type's name in the reader's language (both catalogues hold every key). */
  readonly label: MessageKey;
  /** How the step looks on the canvas: like what the contact sees, where that is possible. */
  readonly Body: ComponentType<NodeProps<T>>;
  /** The inspector's fields for the step (the label field and Delete are the inspector's). */
  readonly Form: ComponentType<NodeProps<T>>;
}

/** Gives a kind its exact type. */
export function editorNode<T extends NodeType>(kind: EditorNodeKind<T>): EditorNodeKind<T> {
  return kind;
}
