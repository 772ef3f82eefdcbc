import type { EngineAction, FlowRef, StepContext } from "@convo/engine";
import { initialSession, step } from "@convo/engine";
import { isPaused } from "../api/contacts";
import type { Deps } from "../deps";
import { GraphFailure } from "../graph/gateway";
import type { Logger } from "../log";
import type { ContactPatch, ContactRow, InboxRow, StepCommit } from "../store/store";
import { readIncoming } from "./incoming";
import type { PublishedFlows } from "./published-flows";
import { WakeableLoop } from "./wakeable-loop";

const POLL_MS = 1000;
/** The flow an idle contact is in before triggers pick one (its default reply, usually). */
const HOME_FLOW = "welcome";

/** A 32-bit seed from the inbox id, so a replayed event draws the same randomizer variant. */
function seedOf(id: number): number {
  let h = 0x811c9dc5 ^ id;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 13)) >>> 0;
}

/**
 * Turns inbox events into engine steps: per contact strictly in arrival order and one at a time
 * (the store hands out a contact's oldest event only when none of its events is in hand),
 * contacts in parallel up to the concurrency. Each step's effects are written in one transaction
 * with the inbox row done.
 *
 * Work arrives as contacts: the webhook offers the contacts it stored events for, and a contact
 * whose event is done takes its next one, so an event costs one indexed lookup. A scan every
 * second (or when woken) finds the rest: timer and HTTP answers, and whatever a restart left.
 */
export class InboxWorker {
  readonly #loop: WakeableLoop;
  /** Contacts with an event in hand, and the job handling it. */
  readonly #inFlight = new Map<string, Promise<void>>();
  /** Contacts that may have events waiting, in the order they came. */
  readonly #ready = new Set<string>();
  /** Contacts offered while in hand: their turn ends by looking for another event. */
  readonly #offeredWhileBusy = new Set<string>();
  #stopped = true;
  /** The last scan filled every slot: more contacts may be waiting in the table. */
  #moreQueued = false;

  constructor(
    private readonly deps: Deps,
    private readonly flows: PublishedFlows,
  ) {
    this.#loop = new WakeableLoop(
      () => this.#scan(),
      (error) => deps.log.error("inbox worker failed", { error }),
    );
  }

  async start(): Promise<void> {
    // Rows a crashed process had claimed go back to the queue, in their place.
    await this.deps.store.releaseInbox();
    this.#stopped = false;
    this.#loop.start();
  }

  /** Scan the inbox now. */
  wake(): void {
    this.#loop.wake();
  }

  /** The contact has new events. */
  offer(psid: string): void {
    if (this.#stopped) return;
    this.#ready.add(psid);
    this.#pump();
  }

  /** Stops claiming and waits for the events in hand. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#loop.stop();
    await Promise.all(this.#inFlight.values());
  }

  #pump(): void {
    for (const psid of this.#ready) {
      if (this.#stopped || this.#inFlight.size >= this.deps.config.workerConcurrency) return;
      this.#ready.delete(psid);
      if (this.#inFlight.has(psid)) {
        this.#offeredWhileBusy.add(psid);
        continue;
      }
      const job = this.#turn(psid).then((again) => {
        // Out of hand first, then ready: a pump in between must not take it for busy.
        this.#inFlight.delete(psid);
        if (again) this.#ready.add(psid);
        this.#pump();
      });
      this.#inFlight.set(psid, job);
    }
  }

  /** One event of one contact; says whether the contact has more. */
  async #turn(psid: string): Promise<boolean> {
    let more = false;
    try {
      const next = await this.deps.store.claimNextInbox(psid);
      more = next.more;
      if (next.row) await this.#process(next.row);
      // This contact is done; others may wait in the table beyond the last scan.
      else if (this.#moreQueued) this.#loop.wake();
    } catch (error) {
      this.deps.log.error("inbox turn failed", { psid, error });
    }
    return this.#offeredWhileBusy.delete(psid) || more;
  }

  async #scan(): Promise<number> {
    const room = this.deps.config.workerConcurrency - this.#inFlight.size - this.#ready.size;
    if (room > 0) {
      const exclude = new Set([...this.#inFlight.keys(), ...this.#ready]);
      const psids = await this.deps.store.pendingInboxContacts(room, exclude);
      this.#moreQueued = psids.length >= room;
      for (const psid of psids) this.#ready.add(psid);
    }
    this.#pump();
    return POLL_MS;
  }

  async #process(row: InboxRow): Promise<void> {
    const { deps } = this;
    // Every line about this event names it and its contact.
    const log = deps.log.child({ eventId: row.id, psid: row.psid });
    const started = performance.now();
    try {
      await this.#handle(row, log);
      deps.metrics.eventsProcessed++;
    } catch (error) {
      deps.metrics.eventsFailed++;
      log.error("event failed", { error });
      await deps.store.failInbox(row.id, error instanceof Error ? error.message : String(error));
    }
    const ms = performance.now() - started;
    if (ms > deps.config.slowStepMs) {
      // The whole step: store reads, the profile fetch, the engine, the commit.
      log.warn("slow step", { ms: Math.round(ms), thresholdMs: deps.config.slowStepMs });
    }
  }

  async #ensureProfile(contact: ContactRow, log: Logger): Promise<ContactRow> {
    if (contact.profileFetched) return contact;
    const { deps } = this;
    try {
      const profile = await deps.graph.userProfile(contact.psid);
      await deps.store.setProfile(contact.psid, profile);
      return (await deps.store.getContact(contact.psid)) ?? contact;
    } catch (error) {
      // Not fatal: the conversation goes on without a first name. A transient failure is tried
      // again with the next event; a refusal (no permission, unknown user) is not asked again.
      const retry =
        !(error instanceof GraphFailure) ||
        error.category === "transient" ||
        error.category === "rate_limited";
      if (!retry) await deps.store.setProfile(contact.psid, {});
      log.warn("profile fetch failed", { error: String(error) });
      return (await deps.store.getContact(contact.psid)) ?? contact;
    }
  }

  async #handle(row: InboxRow, log: Logger): Promise<void> {
    const { deps } = this;
    const { store } = deps;
    const now = deps.now();
    const incoming = readIncoming(row, now);
    let contact = await store.ensureContact(row.psid, now);
    const patch: ContactPatch = {};
    if (incoming.fromContact) patch.lastUserMessageAt = now;
    if (incoming.humanReplied) {
      patch.paused = true;
      patch.pausedUntil = now + deps.config.humanPauseMinutes * 60_000;
    }
    const event = incoming.event;
    if (event?.type === "resume") {
      patch.paused = false;
      patch.pausedUntil = null;
    }
    const base: StepCommit = {
      inboxId: row.id,
      psid: row.psid,
      now,
      session: (await store.getSession(row.psid)) ?? null,
      contact: patch,
      outbox: [],
      receivedAt: row.receivedAt,
      transcript: incoming.transcript,
      counters: [],
      timers: [],
    };
    const paused = event?.type !== "resume" && (incoming.humanReplied || isPaused(contact, now));
    if (!event || paused) {
      // Recorded, not answered: standby, echoes, receipts, and anything while a human has the chat.
      await store.commitStep(base);
      return;
    }

    const { refs, byId } = await this.flows.load();
    const session = base.session ?? initialSession();
    const current =
      (session.waiting && byId.get(session.waiting.flowId)) ?? byId.get(HOME_FLOW) ?? refs[0];
    if (!current) {
      await store.commitStep(base);
      return;
    }
    if (incoming.fromContact) contact = await this.#ensureProfile(contact, log);

    const fields: Record<string, string> = { ...contact.fields };
    if (contact.firstName) fields.first_name = contact.firstName;
    if (contact.lastName) fields.last_name = contact.lastName;
    if (contact.locale) fields.locale = contact.locale;
    const context: StepContext = {
      now,
      seed: seedOf(row.id),
      contact: { fields, tags: contact.tags },
      version: current.version,
      flows: refs,
    };
    const result = step(current.flow, session, event, context);
    const commit = applyActions(result.actions, base, contact, byId, log);
    commit.session = result.session;
    commit.contact.currentFlow = result.session.waiting?.flowId ?? null;
    await store.commitStep(commit);
    if (commit.outbox.length > 0) deps.wake.outbox(row.psid);
    if (commit.timers.length > 0) deps.wake.timers();
  }
}

/** What the engine asked for, as rows: outbox, timers, counters, contact changes. */
function applyActions(
  actions: readonly EngineAction[],
  commit: StepCommit,
  contact: ContactRow,
  byId: ReadonlyMap<string, FlowRef>,
  log: Logger,
): StepCommit {
  const tags = new Set(contact.tags);
  const fields = { ...contact.fields };
  let tagsChanged = false;
  let fieldsChanged = false;
  const version = (flowId: string) => byId.get(flowId)?.version ?? 0;
  for (const action of actions) {
    switch (action.type) {
      case "send":
        commit.outbox.push({
          kind: "message",
          message: action.message,
          flowId: action.flowId,
          version: version(action.flowId),
          nodeId: action.nodeId,
          author: "bot",
        });
        break;
      case "typing":
        commit.outbox.push({ kind: "typing", seconds: action.seconds });
        break;
      case "http":
        commit.outbox.push({
          kind: "http",
          requestId: action.requestId,
          request: action.request,
          nodeId: action.nodeId,
        });
        break;
      case "wait_until":
        commit.timers.push({
          timerId: action.timerId,
          dueAt: action.at,
          event: { type: "timer", timerId: action.timerId },
        });
        break;
      case "handover":
        commit.contact.paused = true;
        commit.contact.pausedUntil = action.resumeAt ?? null;
        if (action.resumeAt !== undefined) {
          commit.timers.push({
            timerId: "handover-resume",
            dueAt: action.resumeAt,
            event: { type: "resume" },
          });
        }
        commit.transcript.push({
          at: commit.now,
          direction: "out",
          author: "system",
          kind: "event",
          text: "Handed over to a person",
        });
        break;
      case "add_tag":
        tagsChanged = true;
        tags.add(action.tag);
        break;
      case "remove_tag":
        tagsChanged = true;
        tags.delete(action.tag);
        break;
      case "set_field":
        fieldsChanged = true;
        fields[action.field] = action.value;
        break;
      case "track":
        commit.counters.push({
          flowId: action.flowId,
          version: version(action.flowId),
          nodeId: action.nodeId,
          handle: action.handle ?? null,
        });
        break;
      case "end":
        break;
      case "error":
        log.warn("flow error", {
          code: action.code,
          message: action.message,
          nodeId: action.nodeId,
        });
        commit.transcript.push({
          at: commit.now,
          direction: "out",
          author: "system",
          kind: "event",
          text: action.message,
          payload: { error: action.code, nodeId: action.nodeId ?? null },
        });
        break;
      default:
        assertNever(action);
    }
  }
  if (tagsChanged) commit.contact.tags = [...tags];
  if (fieldsChanged) commit.contact.fields = fields;
  return commit;
}

function assertNever(value: never): void {
  // A new action type from a newer engine: ignored rather than crashing the worker.
  void value;
}
