import { afterEach, beforeEach } from "vitest";
import type { NewTranscript } from "../contacts";
import type { NewInboxEvent } from "../inbox";
import type { OutboxItem } from "../outbox";
import type { StepRows } from "../steps";
import type { Store } from "../store";

/** How the contract suite gets stores of one implementation. */
export interface StoreHarness {
  /** A store on a new, empty database, its clock at `now`. */
  open(now: number): Promise<Store>;
  /** Closes the store and opens another on the same database, as the next process would. */
  reopen(store: Store, now: number): Promise<Store>;
  /** Closes the store and removes the database. */
  dispose(store: Store): Promise<void>;
}

/** The clock of every contract test. */
export const T = 1_700_000_000_000;

/** The store of the test running; `reopen` swaps it as a restart would. */
export interface Subject {
  readonly store: Store;
  reopen(now: number): Promise<Store>;
}

/** A fresh store for each test of the calling `describe`. */
export function useStore(makeHarness: () => StoreHarness): Subject {
  let harness: StoreHarness;
  let store: Store | undefined;
  beforeEach(async () => {
    harness = makeHarness();
    store = await harness.open(T);
  });
  afterEach(async () => {
    if (store) await harness.dispose(store);
    store = undefined;
  });
  return {
    get store() {
      if (!store) throw new Error("no store outside a test");
      return store;
    },
    async reopen(now: number) {
      if (!store) throw new Error("no store outside a test");
      store = await harness.reopen(store, now);
      return store;
    },
  };
}

export const text = (t: string): OutboxItem => ({
  kind: "message",
  message: { kind: "text", text: t },
  author: "bot",
});

export const textOf = (row: { item: OutboxItem } | undefined) =>
  row?.item.kind === "message" && row.item.message.kind === "text"
    ? row.item.message.text
    : undefined;

let keys = 0;

/** A Messenger text event of `psid`, with a key of its own unless one is given. */
export function event(psid: string, key = `k-${psid}-${++keys}`): NewInboxEvent {
  return {
    dedupeKey: key,
    psid,
    kind: "text",
    event: { source: "messenger", event: { kind: "text", psid, key } },
    actionable: true,
  };
}

export const keyOf = (row: { event: unknown } | undefined) =>
  (row?.event as { event: { key: string } } | undefined)?.event.key;

export const line = (t: string, at = T, extra: Partial<NewTranscript> = {}): NewTranscript => ({
  at,
  direction: "in",
  author: "contact",
  kind: "text",
  text: t,
  ...extra,
});

/** One step for `psid`, committed the way the inbox worker commits it; returns the inbox id. */
export async function step(
  store: Store,
  psid: string,
  items: OutboxItem[],
  extra: Partial<StepRows> = {},
): Promise<number> {
  await store.inbox.insert([event(psid)], T);
  const { row } = await store.inbox.claimNext(psid);
  if (!row) throw new Error("nothing claimed");
  await store.contacts.ensure(psid, T);
  await store.steps.commit({
    inboxId: row.id,
    psid,
    now: T,
    session: null,
    contact: {},
    outbox: items,
    receivedAt: T,
    transcript: [],
    counters: [],
    timers: [],
    ...extra,
  });
  return row.id;
}
