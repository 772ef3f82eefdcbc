import type { StepRows, StepStore } from "../steps";
import type { SqliteContacts } from "./contacts";
import type { SqliteConversations } from "./conversations";
import type { SqliteDatabase } from "./database";
import type { SqliteEvents } from "./events";
import type { SqliteExternalIds } from "./external-ids";
import type { SqliteInbox } from "./inbox";
import type { SqliteOutbox } from "./outbox";
import type { SqliteStats } from "./stats";
import type { SqliteTimers } from "./timers";
import type { SqliteTranscript } from "./transcript";
import type { SqliteWebhooks } from "./webhooks";

/** A step's rows, written through each table's module in one transaction. */
export class SqliteSteps implements StepStore {
  constructor(
    private readonly sql: SqliteDatabase,
    private readonly parts: {
      contacts: SqliteContacts;
      lines: SqliteTranscript;
      inbox: SqliteInbox;
      outbox: SqliteOutbox;
      timers: SqliteTimers;
      stats: SqliteStats;
      events: SqliteEvents;
      externalIds: SqliteExternalIds;
      webhooks: SqliteWebhooks;
      conversations: SqliteConversations;
    },
  ) {}

  async commit(c: StepRows) {
    const { contacts, lines, inbox, outbox, timers, stats, events, externalIds, webhooks } =
      this.parts;
    const { conversations } = this.parts;
    await this.sql.write(() => {
      contacts.patch(c.psid, c.contact, c.now);
      contacts.keepSession(c.psid, c.session, c.now);
      // The outbox rows first: the lines of the messages link to them.
      let ids: number[] | undefined;
      if (c.outbox.length > 0) {
        let seq = outbox.lastSeq(c.psid);
        ids = [];
        for (const item of c.outbox) {
          seq += 1;
          ids.push(outbox.append(c.psid, seq, item, c.now, c.receivedAt));
        }
      }
      for (const line of c.transcript) {
        lines.insert(c.psid, line, line.outbox === undefined ? null : (ids?.[line.outbox] ?? null));
      }
      for (const bump of c.counters) stats.bump(bump);
      for (const timer of c.timers) timers.set(c.psid, timer);
      for (const id of c.externalIds ?? []) externalIds.linkInside(c.psid, "external", id, c.now);
      if (c.brandEvent) events.settleInside(c.brandEvent.id, c.brandEvent.outcome, c.now);
      if (c.outgoing && c.outgoing.length > 0) webhooks.enqueueInside(c.outgoing, c.now);
      if (c.resolveConversation) conversations.resolveInside(c.psid, c.now);
      if (c.openConversation) conversations.openInside(c.openConversation);
      inbox.finish(c.inboxId, c.now);
    });
  }
}
