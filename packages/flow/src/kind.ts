import type { z } from "zod";
import type { NodeOutput } from "./handles";
import type { NodeLintContext } from "./lint/context";
import type { NodeData, NodeOfType, NodeType } from "./node-types";

/** A text a marketer typed into a node, with its path relative to the node. */
export interface NodeText {
  /** Path relative to the node, e.g. `data.content[0].text`. */
  path: string;
  text: string;
  /**
   * A text a customer reads (a bubble, a title, a question), so it can hold one value per
   * language: the object holding it has `translations: { <lang>: { <field>: text } }`, `<field>`
   * being the last part of `path`. Links, values and tags are not marked.
   */
  translatable?: true;
}

/** Where a node reads or sets variables besides the `{{templates}}` in its texts. */
export interface VariableUses {
  read(name: string, path: string): void;
  write(name: string, path: string): void;
}

/**
 * A number field's range as the editor's form offers it (`min`/`max` on the input). Where the
 * schema has the same bound, it reads it from here, so the two cannot disagree. Channel limits
 * (Messenger's 20-character titles…) are not here: they are the channel's.
 */
export interface FieldLimit {
  readonly min?: number;
  readonly max?: number;
}
export type FieldLimits = { readonly [field: string]: FieldLimit };

/**
 * What a node's role in the graph is. `start`: contacts enter a flow here (a trigger); nothing
 * needs to lead to it. `step`: it runs when a contact reaches it. `annotation`: it lives on the
 * canvas only (a sticky note): no connection leads into it, it never runs, its text is not a
 * template.
 */
export type NodeRole = "start" | "step" | "annotation";

/**
 * Everything `@convo/flow` knows about one node type. Each type's folder (`src/nodes/<type>/`)
 * exports one; `NODE_KINDS` holds them all, keyed by type. Every part is required, so a kind
 * missing one does not compile (`nodes/kinds.test.ts` holds it).
 */
export interface NodeKind<T extends NodeType, L extends FieldLimits = FieldLimits> {
  readonly type: T;
  readonly role: NodeRole;
  /** The zod schema of the node's `data`; the flow schema's union is built from these. */
  readonly data: z.ZodType<NodeData<T>>;
  /** Every output of the node, in drawing order: the one place that says which handles exist. */
  outputs(node: NodeOfType<T>): NodeOutput[];
  /** Rules a schema cannot say; `nodeIndex` is the node's place in `flow.nodes`. */
  lint(node: NodeOfType<T>, nodeIndex: number, context: NodeLintContext): void;
  /** Pushes every text typed into the node but its label (templates, titles, URLs). */
  texts(node: NodeOfType<T>, out: NodeText[]): void;
  /** Reports the variables the node reads and sets outside its texts' templates. */
  variables(node: NodeOfType<T>, uses: VariableUses): void;
  /**
   * The data of a new node of this type, ready to publish after a little typing. `freshId`
   * gives an id nothing in the flow holds yet, for each block, button, branch or variant.
   */
  create(freshId: (prefix: string) => string): NodeData<T>;
  /**
   * Where the host fills `{{secrets.NAME}}` (paths in the node, like an HTTP step's
   * `data.steps[0].url`); `null`: nowhere, so a secret referenced there is a lint warning.
   */
  readonly secretPlaces: RegExp | null;
  /**
   * The node's data with every credential typed in clear emptied (`redactSecrets`: exports), or
   * `undefined` when it holds none; `redacted` is told each emptied field's path in the node.
   */
  redact(node: NodeOfType<T>, redacted: (path: string) => void): NodeData<T> | undefined;
  /** The ranges the editor's form offers for the node's number fields. */
  readonly limits: L;
}

/** Gives a kind its exact type (its limits stay literal for the forms that read them). */
export function nodeKind<T extends NodeType, L extends FieldLimits>(
  kind: NodeKind<T, L>,
): NodeKind<T, L> {
  return kind;
}

/** For kinds without rules of their own. */
export const NO_LINT = (): void => {};
/** For kinds that hold no text but a label. */
export const NO_TEXTS = (): void => {};
/** For kinds that neither read nor set variables outside templates. */
export const NO_VARIABLES = (): void => {};
/** For kinds where no credential can be typed (no HTTP request, no value stored). */
export const NO_REDACT = (): undefined => undefined;
