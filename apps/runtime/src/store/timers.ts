import type { EngineEvent } from "@convo/engine";
import type { NewInboxEvent } from "./inbox";

/** A timer to set: one per contact and `timerId` (setting it again moves it). */
export interface NewTimer {
  timerId: string;
  dueAt: number;
  event: EngineEvent;
}

export interface DueTimer {
  /** The row's id: never given to another timer, however often the timer id is set again. */
  id: number;
  psid: string;
  timerId: string;
  dueAt: number;
  event: EngineEvent;
}

/** Delays and time-outs. Timers are set by a step's commit (`StepStore.commit`). */
export interface TimerStore {
  /**
   * Up to `limit` due timers, earliest first, become the inbox events `toInbox` makes of them, in
   * one transaction (each fires once). Returns how many fired.
   */
  fireDue(now: number, limit: number, toInbox: (timer: DueTimer) => NewInboxEvent): Promise<number>;
  /** When the earliest timer is due. */
  nextDueAt(): Promise<number | undefined>;
}
