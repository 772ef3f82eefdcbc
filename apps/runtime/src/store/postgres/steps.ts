import type { StepRows, StepStore } from "../steps";
import { keepSession, patchContact } from "./contacts";
import type { PgDatabase } from "./database";
import { appendOutbox } from "./outbox";
import { bumpCounters } from "./stats";
import { setTimers } from "./timers";
import { pgTranscript } from "./transcript";

/** The event's lease was lost (this replica was taken for dead): its step is not written. */
export class LeaseLost extends Error {
  constructor(inboxId: number) {
    super(`inbox event ${inboxId} is no longer held by this replica`);
    this.name = "LeaseLost";
  }
}

/** A step's rows, written through each table's module in one transaction. */
export class PgSteps implements StepStore {
  constructor(private readonly db: PgDatabase) {}

  async commit(c: StepRows) {
    await this.db.tx(async (q) => {
      // The fence first: finished only by the replica holding it, or nothing is written (another
      // replica took the event over and steps it).
      const done = await q.query(
        `UPDATE inbox SET status = 'done', processed_at = $1, owner = NULL
         WHERE id = $2 AND status = 'processing' AND owner = $3`,
        [c.now, c.inboxId, this.db.replicaId],
      );
      if (done.rowCount === 0) throw new LeaseLost(c.inboxId);
      // The contact's row is the lock of its outbox sequence (see `PgOutbox.enqueue`).
      await patchContact(q, c.psid, c.contact, c.now);
      await keepSession(q, c.psid, c.session, c.now);
      // The outbox rows first: the lines of the messages link to them.
      const ids = await appendOutbox(q, c.psid, c.outbox, c.now, c.receivedAt);
      await pgTranscript.insert(
        q,
        c.psid,
        c.transcript,
        c.transcript.map((l) => (l.outbox === undefined ? null : (ids[l.outbox] ?? null))),
      );
      await bumpCounters(q, c.counters);
      await setTimers(q, c.psid, c.timers);
    });
  }
}
