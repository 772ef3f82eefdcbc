import type { EngineAction, FlowRef, StepContext } from "@convo/engine";
import { type ContactChanges, foldActions, initialSession, step } from "@convo/engine";
import { CHANNEL_SPECS, USER_REF_RECIPIENT } from "@convo/messenger";
import type { Deps } from "../deps";
import { contactAddress } from "../graph-api/contact-address";
import type { Logger } from "../log";
import type { ContactPatch, ContactRow } from "../store/contacts";
import type { SkipReason } from "../store/events";
import type { InboxRow } from "../store/inbox";
import { LeaseLost } from "../store/replicas";
import { outEvent } from "../store/webhooks";
import { aiTokensHit } from "./ai-tokens";
import { ensureProfile, nameCommenter } from "./contact-profile";
import { ContactQueue, TURN, type TurnEnd } from "./contact-queue";
import { engineFields } from "./engine-fields";
import { stepEventsOut } from "./events-out";
import { readIncoming } from "./incoming";
import { liveChatUrl } from "./live-chat-url";
import { isPaused } from "./pause";
import type { PublishedFlows } from "./published-flows";
import { type StepCommit, toStepRows } from "./step-commit";
import { stepConversation, tellCustomerMessage, tellStepConversation } from "./step-conversations";
import { systemLine } from "./system-lines";
import { applyThreadControl, threadRequestPolicy } from "./thread-control";

const POLL_MS = 1000;
/** How much of a failed step's error is kept with the event. */
const MAX_ERROR_CHARS = 2000;
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
 * Work arrives as contacts (`ContactQueue`): the webhook offers the contacts it stored events
 * for, and a contact whose event is done takes its next one, so an event costs one indexed
 * lookup. A scan every second (or when woken) finds the rest: timer and HTTP answers, and
 * whatever a restart left.
 */
export class InboxWorker {
  readonly #queue: ContactQueue;

  constructor(
    private readonly deps: Deps,
    private readonly flows: PublishedFlows,
  ) {
    this.#queue = new ContactQueue({
      slots: deps.config.workerConcurrency,
      turn: (psid) => this.#turn(psid),
      scan: () => this.#scan(),
      onError: (error, psid) =>
        psid === undefined
          ? deps.log.error("inbox worker failed", { error })
          : deps.log.error("inbox turn failed", { psid, error }),
      now: deps.now,
    });
  }

  async start(): Promise<void> {
    // Rows a crashed process had claimed go back to the queue, in their place.
    await this.deps.store.inbox.release();
    this.#queue.start();
  }

  /** Scan the inbox now. */
  wake(): void {
    this.#queue.wake();
  }

  /** The contact has new events. */
  offer(psid: string): void {
    this.#queue.offer(psid);
  }

  /** Stops claiming and waits for the events in hand. */
  stop(): Promise<void> {
    return this.#queue.stop();
  }

  /** One event of one contact. */
  async #turn(psid: string): Promise<TurnEnd> {
    let more = false;
    try {
      const next = await this.deps.store.inbox.claimNext(psid);
      more = next.more;
      if (!next.row) return TURN.idle;
      await this.#process(next.row);
    } catch (error) {
      this.deps.log.error("inbox turn failed", { psid, error });
    }
    return more ? TURN.again : TURN.done;
  }

  async #scan(): Promise<number> {
    await this.#queue.fill((room, exclude) => this.deps.store.inbox.pendingContacts(room, exclude));
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
      if (error instanceof LeaseLost) {
        // Another replica took the event over (this one was late to beat): it is stepped there.
        log.warn("event taken over by another replica", { error: error.message });
        return;
      }
      deps.metrics.eventsFailed++;
      log.error("event failed", { error });
      const message = error instanceof Error ? error.message : String(error);
      await deps.store.inbox.fail(row.id, message.slice(0, MAX_ERROR_CHARS));
    }
    const ms = performance.now() - started;
    if (ms > deps.config.slowStepMs) {
      // The whole step: store reads, the profile fetch, the engine, the commit.
      log.warn("slow step", { ms: Math.round(ms), thresholdMs: deps.config.slowStepMs });
    }
  }

  async #handle(row: InboxRow, log: Logger): Promise<void> {
    const { deps } = this;
    const { contacts, steps } = deps.store;
    const now = deps.now();
    const incoming = readIncoming(row, now, deps.identity.appId);
    if (incoming.priorUserRef !== undefined) {
      // The customer who opted in with the checkbox plugin answered: their PSID is linked.
      const ref = incoming.priorUserRef;
      await deps.store.externalIds.retireUserRef(ref, USER_REF_RECIPIENT + ref, row.psid, now);
    }
    let contact = await contacts.ensure(row.psid, now);
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
      session: (await contacts.session(row.psid)) ?? null,
      contact: patch,
      outbox: [],
      receivedAt: row.receivedAt,
      transcript: incoming.transcript,
      counters: [],
      timers: [],
    };
    const brandEventId = row.event.source === "runtime" ? row.event.brandEventId : undefined;
    const skip = (reason: SkipReason) => {
      if (brandEventId !== undefined) {
        base.brandEvent = { id: brandEventId, outcome: { status: "skipped", reason } };
      }
    };
    if (incoming.thread) {
      // Another app took the thread or asks for it: recorded, paused, or passed by the policy.
      const { thread } = incoming;
      const policy = await threadRequestPolicy(deps.store.settings);
      const pauseMs = deps.config.humanPauseMinutes * 60_000;
      const answer = applyThreadControl(base, thread, policy, pauseMs);
      if (answer) log.info("thread control requested", { appId: thread.by, ...answer });
      await steps.commit(toStepRows(base));
      if (base.outbox.length > 0) deps.wake.outbox(row.psid);
      return;
    }
    const paused = event?.type !== "resume" && (incoming.humanReplied || isPaused(contact, now));
    if (!event || paused) {
      // Recorded, not answered: standby, echoes, receipts, and anything while a human has the chat.
      skip("bot_paused");
      await steps.commit(toStepRows(base));
      if (incoming.fromContact) await tellCustomerMessage(deps, row.psid, now);
      return;
    }

    const { refs, byId } = await this.flows.load();
    const session = base.session ?? initialSession();
    const current =
      (session.waiting && byId.get(session.waiting.flowId)) ?? byId.get(HOME_FLOW) ?? refs[0];
    if (!current) {
      skip("no_flow");
      await steps.commit(toStepRows(base));
      return;
    }
    // A checkbox opt-in's placeholder has no profile to fetch (no PSID yet).
    const before = contact.fields;
    if (incoming.fromContact && !row.psid.startsWith(USER_REF_RECIPIENT)) {
      contact = await ensureProfile(deps, contact, log, incoming.contactName);
    } else if (incoming.comment) {
      contact = await nameCommenter(deps, contact, incoming);
    }
    // Instagram's handle is a field of the contact (`{{contact.username}}`), saved with the step.
    if (contact.fields !== before) base.contact.fields = contact.fields;

    const fields = engineFields(contact);
    const context: StepContext = {
      now,
      seed: seedOf(row.id),
      contact: { fields, tags: contact.tags },
      version: current.version,
      flows: refs,
      // Texts are fitted to the contact's own channel (WhatsApp's are longer, Instagram's shorter).
      limits: CHANNEL_SPECS[contactAddress(row.psid).channel].limits,
      conversation: {
        contactId: row.psid,
        channel: contactAddress(row.psid).channel,
        url: liveChatUrl(deps.publicUrl.value, row.psid),
      },
    };
    const result = step(current.flow, session, event, context);
    const tokens = aiTokensHit(session, event, result.actions, byId);
    if (tokens) base.counters.push(tokens);
    const { commit, changes } = applyActions(result.actions, base, contact, byId, log);
    if (incoming.comment) {
      // Meta takes one private reply per comment: the step's first message. The rest wait
      // outside the window (parked with the reason) until the person answers it.
      const first = commit.outbox.find((item) => item.kind === "message");
      if (first?.kind === "message") first.privateReply = incoming.comment;
    }
    commit.session = result.session;
    commit.contact.currentFlow = result.session.waiting?.flowId ?? null;
    if (changes.externalIds.length > 0) commit.externalIds = changes.externalIds;
    const lastFlow = result.actions.findLast((a) => a.type === "track")?.flowId;
    const created = contact.createdAt === now;
    const outgoing = stepEventsOut(contact, changes, lastFlow, now, created);
    if (event.type === "resume") {
      outgoing.push(outEvent("handover.ended", { contactId: row.psid }, now));
    }
    const conversation = await stepConversation(deps, commit, contact, event, changes, byId);
    commit.outgoing = outgoing;
    if (brandEventId !== undefined) {
      // The sender settles the event as its messages go (sent, skipped outside the window, failed).
      let sends = 0;
      for (const item of commit.outbox) {
        if (item.kind === "message") {
          item.brandEventId = brandEventId;
          sends++;
        }
      }
      if (sends === 0) skip("no_message");
    }
    await steps.commit(toStepRows(commit));
    await tellStepConversation(deps, row.psid, conversation, now);
    if (commit.outbox.length > 0) deps.wake.outbox(row.psid);
    if (commit.timers.length > 0) deps.wake.timers();
    if (commit.outgoing.length > 0) deps.wake.webhooks();
  }
}

/** What the engine asked for, as rows: outbox, timers, counters, contact changes. */
function applyActions(
  actions: readonly EngineAction[],
  commit: StepCommit,
  contact: ContactRow,
  byId: ReadonlyMap<string, FlowRef>,
  log: Logger,
): { commit: StepCommit; changes: ContactChanges } {
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
          ...(action.template ? { template: action.template } : {}),
          author: "bot",
          ...(action.tag ? { tag: action.tag } : {}),
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
      case "ai":
        commit.outbox.push({
          kind: "ai",
          requestId: action.requestId,
          request: action.request,
          nodeId: action.nodeId,
        });
        break;
      case "track":
        commit.counters.push({
          flowId: action.flowId,
          version: version(action.flowId),
          nodeId: action.nodeId,
          handle: action.handle ?? null,
        });
        break;
      case "error":
        log.warn("flow error", {
          code: action.code,
          message: action.message,
          nodeId: action.nodeId,
        });
        commit.transcript.push(
          systemLine(action.message, commit.now, {
            line: "flow_error",
            error: action.code,
            nodeId: action.nodeId ?? null,
          }),
        );
        break;
      case "comment_reply":
        commit.outbox.push({
          kind: "comment_reply",
          commentId: action.commentId,
          text: action.text,
        });
        break;
      case "add_tag":
      case "remove_tag":
      case "set_field":
      case "wait_until":
      case "handover":
      case "end":
      case "remember":
        // Contact state: folded below by the engine, as the simulator folds it.
        break;
      default:
        void (action satisfies never); // A newer engine's action: ignored, the worker goes on.
    }
  }
  const changes = foldActions(contact, actions);
  if (changes.tagsChanged) commit.contact.tags = changes.contact.tags;
  if (changes.fieldsChanged) commit.contact.fields = changes.contact.fields;
  for (const { timerId, at } of changes.timers) {
    commit.timers.push({ timerId, dueAt: at, event: { type: "timer", timerId } });
  }
  if (changes.handover) {
    // A hand-over is a wait, so it is the step's last action: its rows come last too.
    const { resumeAt } = changes.handover;
    commit.contact.paused = true;
    commit.contact.pausedUntil = resumeAt ?? null;
    if (resumeAt !== undefined) {
      commit.timers.push({
        timerId: "handover-resume",
        dueAt: resumeAt,
        event: { type: "resume" },
      });
    }
    const passTo = changes.handover.passTo;
    if (passTo) commit.outbox.push({ kind: "pass_thread", ...passTo });
    commit.transcript.push(
      passTo
        ? systemLine(`Handed over to the app ${passTo.appId}`, commit.now, {
            line: "handed_to_app",
            appId: passTo.appId,
          })
        : systemLine("Handed over to a person", commit.now, { line: "handed_to_person" }),
    );
  }
  return { commit, changes };
}
