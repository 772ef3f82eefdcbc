import type fc from "fast-check";
import type { NodeData, NodeType } from "../node-types";
import type { ValueOperator } from "../types";

/**
 * The words a generated flow is written with. Each node type's `arbitrary.ts` builds its data
 * from one; `@convo/flow`'s generator uses a wide one (odd text, any id: the format's business)
 * and `@convo/engine`'s a small playable one (so keywords, handles and ids meet the events).
 */
export interface Vocabulary {
  /** Ids of what becomes a handle: buttons, quick replies, choices, branches, variants. */
  id: fc.Arbitrary<string>;
  /** A list of things with ids, `maxLength` at most (the playable vocabulary keeps ids unique). */
  list<T extends { id: string }>(item: fc.Arbitrary<T>, maxLength: number): fc.Arbitrary<T[]>;
  /** A node's or an output's label. */
  label: fc.Arbitrary<string | undefined>;
  /** What a marketer types: bubbles, questions, values; templates included. */
  text: fc.Arbitrary<string>;
  /** Titles of buttons, quick replies, choices and cards. */
  title: fc.Arbitrary<string>;
  keyword: fc.Arbitrary<string>;
  ref: fc.Arbitrary<string>;
  /** Payloads of postback triggers. */
  payload: fc.Arbitrary<string>;
  url: fc.Arbitrary<string>;
  phone: fc.Arbitrary<string>;
  variable: fc.Arbitrary<string>;
  field: fc.Arbitrary<string>;
  tag: fc.Arbitrary<string>;
  operator: fc.Arbitrary<ValueOperator>;
  /** Values condition rules compare with (patterns included). */
  ruleValue: fc.Arbitrary<string>;
  /** Flows a `goto` names, and the steps in them. */
  flowId: fc.Arbitrary<string>;
  nodeId: fc.Arbitrary<string>;
}

/** How a node type's data is generated: its folder's `arbitrary.ts` exports one. */
export type NodeArbitrary<T extends NodeType> = (words: Vocabulary) => fc.Arbitrary<NodeData<T>>;
