import type { NewTranscript, TranscriptRow } from "../contacts";
import type { OutboxStatus } from "../outbox";
import { prepared, type Queryable } from "./database";

interface TranscriptRecord {
  id: number;
  psid: string;
  at: number;
  direction: "in" | "out";
  author: TranscriptRow["author"];
  kind: TranscriptRow["kind"];
  text: string | null;
  payload: unknown;
  status: OutboxStatus | null;
  flow_id: string | null;
  node_id: string | null;
}

function toTranscriptRow(r: TranscriptRecord): TranscriptRow {
  const row: TranscriptRow = {
    id: r.id,
    psid: r.psid,
    at: r.at,
    direction: r.direction,
    author: r.author,
    kind: r.kind,
    text: r.text,
  };
  if (r.payload !== null) row.payload = r.payload;
  if (r.status !== null) row.status = r.status;
  if (r.flow_id) row.flowId = r.flow_id;
  if (r.node_id) row.nodeId = r.node_id;
  return row;
}

/** Transcript lines: written inside the transactions of steps and sends, read per contact. */
export const pgTranscript = {
  /** Adds the lines in order, each linked to its outbox row (or none), in one statement. */
  async insert(
    q: Queryable,
    psid: string,
    lines: readonly NewTranscript[],
    outboxIds: readonly (number | null)[],
  ): Promise<void> {
    if (lines.length === 0) return;
    await prepared(
      q,
      `INSERT INTO transcript (psid, at, direction, author, kind, text, payload, outbox_id, flow_id, node_id)
       SELECT $1, u.at, u.direction, u.author, u.kind, u.text, u.payload::json, u.outbox_id, u.flow_id, u.node_id
       FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::text[], $10::text[])
         WITH ORDINALITY AS u(at, direction, author, kind, text, payload, outbox_id, flow_id, node_id, n)
       ORDER BY u.n`,
      [
        psid,
        lines.map((l) => l.at),
        lines.map((l) => l.direction),
        lines.map((l) => l.author),
        lines.map((l) => l.kind),
        lines.map((l) => l.text),
        lines.map((l) => (l.payload === undefined ? null : JSON.stringify(l.payload))),
        outboxIds,
        lines.map((l) => l.flowId ?? null),
        lines.map((l) => l.nodeId ?? null),
      ],
    );
  },

  /** The `limit` lines before the id `before`, oldest first; a negative limit reads them all. */
  async list(q: Queryable, psid: string, limit: number, before = Number.MAX_SAFE_INTEGER) {
    const { rows } = await prepared<TranscriptRecord>(
      q,
      `SELECT t.*, o.status AS status FROM transcript t LEFT JOIN outbox o ON o.id = t.outbox_id
       WHERE t.psid = $1 AND t.id < $2 ORDER BY t.id DESC LIMIT $3`,
      [psid, before, limit < 0 ? null : limit],
    );
    return rows.reverse().map(toTranscriptRow);
  },
};
