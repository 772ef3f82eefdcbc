import { LeaseLost } from "../replicas";
import type { StepRows, StepStore } from "../steps";
import { openParams, openSql } from "./conversations";
import { type PgDatabase, prepared } from "./database";
import { outcomeParams } from "./events";
import { enqueueSql } from "./webhooks";

/**
 * A step's rows in ONE statement (one round trip, one transaction): data-modifying CTEs, each
 * guarded by the fence, so nothing is written unless this replica still holds the event (another
 * replica took it over and steps it). The rows follow the SQLite module's order and meaning.
 */
const COMMIT = `
  WITH fence AS (
    UPDATE inbox SET status = 'done', processed_at = $3, owner = NULL
    WHERE id = $1 AND status = 'processing' AND owner = $4 RETURNING id
  ), patch AS (
    UPDATE contacts SET fields = coalesce($5::jsonb, fields), tags = coalesce($6::jsonb, tags),
      paused = coalesce($7, paused),
      paused_until = CASE WHEN $8 THEN $9::bigint ELSE paused_until END,
      current_flow = CASE WHEN $10 THEN $11::text ELSE current_flow END,
      last_user_message_at = coalesce($12, last_user_message_at), last_activity_at = $3
    WHERE psid = $2 AND EXISTS (SELECT 1 FROM fence) RETURNING psid
  ), session_kept AS (
    INSERT INTO sessions (psid, session, updated_at)
    SELECT $2, $13::json, $3 WHERE $13::text IS NOT NULL AND EXISTS (SELECT 1 FROM fence)
    ON CONFLICT (psid) DO UPDATE SET session = excluded.session, updated_at = excluded.updated_at
    RETURNING psid
  ), session_gone AS (
    DELETE FROM sessions WHERE psid = $2 AND $13::text IS NULL AND EXISTS (SELECT 1 FROM fence)
    RETURNING psid
  ), queued AS (
    INSERT INTO outbox (psid, seq, item, status, next_attempt_at, created_at, received_at)
    SELECT $2, b.base + u.n, u.item::json, 'queued', $3, $3, $14
    FROM unnest($15::text[]) WITH ORDINALITY AS u(item, n),
      (SELECT coalesce(MAX(seq), 0) AS base FROM outbox WHERE psid = $2) b
    WHERE EXISTS (SELECT 1 FROM fence)
    RETURNING id, seq - (SELECT coalesce(MAX(seq), 0) FROM outbox WHERE psid = $2) AS n
  ), lines AS (
    INSERT INTO transcript (psid, at, direction, author, kind, text, payload, outbox_id, flow_id,
      node_id)
    SELECT $2, l.at, l.direction, l.author, l.kind, l.text, l.payload::json, q.id, l.flow_id,
      l.node_id
    FROM unnest($16::bigint[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[],
      $22::int[], $39::text[], $40::text[])
      WITH ORDINALITY AS l(at, direction, author, kind, text, payload, outbox, flow_id, node_id, n)
    LEFT JOIN queued q ON q.n = l.outbox + 1
    WHERE EXISTS (SELECT 1 FROM fence)
    ORDER BY l.n
    RETURNING id
  ), counted AS (
    INSERT INTO counters (flow_id, version, node_id, handle, day, count)
    SELECT f, v, nd, h, d, SUM(c)
    FROM unnest($23::text[], $24::int[], $25::text[], $26::text[], $27::int[], $28::bigint[])
      AS u(f, v, nd, h, d, c)
    WHERE EXISTS (SELECT 1 FROM fence)
    GROUP BY f, v, nd, h, d
    -- In key order: steps bumping the same counters lock them in the same order (no deadlock).
    ORDER BY f, v, nd, h, d
    ON CONFLICT (flow_id, version, node_id, handle, day)
      DO UPDATE SET count = counters.count + excluded.count
    RETURNING 1
  ), timed AS (
    INSERT INTO timers (psid, timer_id, due_at, event)
    SELECT DISTINCT ON (t.id) $2, t.id, t.due, t.event::json
    FROM unnest($29::text[], $30::bigint[], $31::text[]) WITH ORDINALITY AS t(id, due, event, n)
    WHERE EXISTS (SELECT 1 FROM fence)
    ORDER BY t.id, t.n DESC
    ON CONFLICT (psid, timer_id) DO UPDATE SET due_at = excluded.due_at, event = excluded.event
    RETURNING 1
  ), linked AS (
    INSERT INTO external_ids (kind, value, psid, linked_at)
    SELECT DISTINCT 'external', v, $2, $3 FROM unnest($32::text[]) AS v
    WHERE EXISTS (SELECT 1 FROM fence)
    ON CONFLICT (kind, value) DO UPDATE SET psid = excluded.psid, linked_at = excluded.linked_at
    WHERE external_ids.psid <> excluded.psid
    RETURNING 1
  ), settled AS (
    UPDATE brand_events SET status = $34::text, reason = $35::text, error = $36::json,
      updated_at = $3
    WHERE id = $33::text AND status <> 'failed' AND EXISTS (SELECT 1 FROM fence)
    RETURNING 1
  ), hooked AS (${enqueueSql("$37", "$38", "$3", "EXISTS (SELECT 1 FROM fence)")}
    RETURNING 1
  ), resolved AS (
    UPDATE conversations SET state = 'resolved', resolved_at = $3
    WHERE psid = $2 AND state <> 'resolved' AND $41 AND EXISTS (SELECT 1 FROM fence)
    RETURNING 1
  ), opened AS (${openSql(42, "EXISTS (SELECT 1 FROM fence)")}
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM fence) AS fenced`;

/** A step's rows, written in one statement. */
export class PgSteps implements StepStore {
  constructor(private readonly db: PgDatabase) {}

  async commit(c: StepRows) {
    // A deadlock or a clash of sequence numbers (an agent's reply queued at the same moment) rolls
    // the statement back whole: it is tried again, not taken for the step's failure.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#commit(c);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 4 || !["40P01", "40001", "23505"].includes(code ?? "")) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt));
      }
    }
  }

  async #commit(c: StepRows): Promise<void> {
    const p = c.contact;
    const { rows } = await prepared<{ fenced: number }>(this.db.pool, COMMIT, [
      c.inboxId,
      c.psid,
      c.now,
      this.db.replicaId,
      p.fields === undefined ? null : JSON.stringify(p.fields),
      p.tags === undefined ? null : JSON.stringify(p.tags),
      p.paused ?? null,
      p.pausedUntil !== undefined,
      p.pausedUntil ?? null,
      p.currentFlow !== undefined,
      p.currentFlow ?? null,
      p.lastUserMessageAt ?? null,
      c.session ? JSON.stringify(c.session) : null,
      c.receivedAt,
      c.outbox.map((i) => JSON.stringify(i)),
      c.transcript.map((l) => l.at),
      c.transcript.map((l) => l.direction),
      c.transcript.map((l) => l.author),
      c.transcript.map((l) => l.kind),
      c.transcript.map((l) => l.text),
      c.transcript.map((l) => (l.payload === undefined ? null : JSON.stringify(l.payload))),
      c.transcript.map((l) => l.outbox ?? null),
      c.counters.map((b) => b.flowId),
      c.counters.map((b) => b.version),
      c.counters.map((b) => b.nodeId),
      c.counters.map((b) => b.handle ?? ""),
      c.counters.map((b) => b.day),
      c.counters.map((b) => b.count),
      c.timers.map((t) => t.timerId),
      c.timers.map((t) => t.dueAt),
      c.timers.map((t) => JSON.stringify(t.event)),
      c.externalIds ?? [],
      c.brandEvent?.id ?? null,
      ...outcomeParams(c.brandEvent?.outcome),
      (c.outgoing ?? []).map((e) => e.type),
      (c.outgoing ?? []).map((e) => e.body),
      c.transcript.map((l) => l.flowId ?? null),
      c.transcript.map((l) => l.nodeId ?? null),
      c.resolveConversation === true,
      ...openParams(c.openConversation),
    ]);
    if (Number(rows[0]?.fenced ?? 0) === 0) throw new LeaseLost(c.inboxId);
  }
}
