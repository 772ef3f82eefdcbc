import type { EngineEvent, NodeOfType, NodeType, PayloadTarget } from "@convo/flow";
import type { Next, Run } from "../run";
import type { FlowRef, Waiting } from "../types";

/** An event as the node it reaches sees it. */
export type Arrival =
  /** The contact typed or sent something (or a quick reply that is not Convo's). */
  | { kind: "text"; text: string; event: EngineEvent }
  /** The contact tapped something Convo sent: `target` says where it was drawn. */
  | { kind: "tap"; target: PayloadTarget; text: string }
  /** A postback that is not Convo's, or a referral: it may start a flow. */
  | { kind: "trigger"; event: EngineEvent }
  | { kind: "http_result"; event: Extract<EngineEvent, { type: "http_result" }> }
  | { kind: "ai_result"; event: Extract<EngineEvent, { type: "ai_result" }> }
  | { kind: "timer"; timerId: string }
  | { kind: "resume" };

/** A node an event arrives at. */
export interface Stop<T extends NodeType> {
  ref: FlowRef;
  node: NodeOfType<T>;
  /** The wait the session is in at this node; undefined for a tap on an older message. */
  waiting: Waiting | undefined;
}

/**
 * How the engine runs one node type. Each type's file (`src/nodes/<type>.ts`) exports one;
 * `ENGINE_NODES` holds them, keyed by type, so a type without one does not compile.
 */
export interface EngineNodeKind<T extends NodeType> {
  /** The contact reached the node: do what it says, then go on, wait or end. */
  visit(run: Run, ref: FlowRef, node: NodeOfType<T>): Next;
  /** The wait the node puts a session in; a session found waiting so is resumed here. */
  readonly waits?: Waiting["kind"];
  /**
   * What an event does at the node the session waits at (or at an older message the contact
   * tapped on). `undefined` leaves it to the default: text and taps go to trigger matching
   * and taps to where they were drawn; timers, HTTP results and `resume` are ignored.
   */
  resume?(run: Run, at: Stop<T>, arrival: Arrival): Next | undefined;
}
