/** Counter increments of one step, folded: one per flow version, node, handle and day. */
export interface CounterBump {
  flowId: string;
  version: number;
  nodeId: string;
  /** The output taken; null counts the node entered. */
  handle: string | null;
  /** Days since the epoch (UTC). */
  day: number;
  count: number;
}

/** A counter summed over every version and the days asked for. */
export interface CounterTotal {
  nodeId: string;
  handle: string | null;
  count: number;
}

/**
 * The handle under which a step's model tokens are counted, beside its outputs: no output id can
 * take it (ids are letters, digits, '-' and '_').
 */
export const AI_TOKENS_HANDLE = "$tokens";

/** The model tokens of a flow's AI steps on one day (days since the epoch, UTC). */
export interface DayTokens {
  day: number;
  count: number;
}

export interface QueueDepths {
  inboxPending: number;
  outboxQueued: number;
  outboxParked: number;
  timers: number;
}

/** Figures read back: flow counters (written by a step's commit) and queue depths. */
export interface StatsStore {
  /** A flow's counters between two days (inclusive), per node and handle. */
  counters(flowId: string, fromDay: number, toDay: number): Promise<CounterTotal[]>;
  /** The model tokens every flow's AI steps spent between two days (inclusive). */
  aiTokens(fromDay: number, toDay: number): Promise<number>;
  /** One flow's model tokens per day between two days (inclusive), days with none left out. */
  aiTokensByDay(flowId: string, fromDay: number, toDay: number): Promise<DayTokens[]>;
  /** Inbox events not finished, queued and parked outbox rows, timers set. */
  queueDepths(): Promise<QueueDepths>;
}
