import type { NewTranscript } from "../contacts";
import type { SqliteDatabase } from "./database";
import { type TranscriptRecord, toTranscriptRow } from "./rows";

/** Transcript lines: written inside the transactions of steps and sends, read per contact. */
export class SqliteTranscript {
  readonly #insert;
  readonly #list;

  constructor(sql: SqliteDatabase) {
    this.#insert = sql.db.prepare(
      "INSERT INTO transcript (psid, at, direction, author, kind, text, payload, outbox_id, flow_id, node_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    this.#list = sql.db.prepare(`
      SELECT t.*, o.status AS status FROM transcript t LEFT JOIN outbox o ON o.id = t.outbox_id
      WHERE t.psid = ? AND t.id < ? ORDER BY t.id DESC LIMIT ?`);
  }

  /** Inside a write: adds a line, linked to its outbox row when it has one. */
  insert(psid: string, line: NewTranscript, outboxId: number | null): void {
    this.#insert.run(
      psid,
      line.at,
      line.direction,
      line.author,
      line.kind,
      line.text,
      line.payload === undefined ? null : JSON.stringify(line.payload),
      outboxId,
      line.flowId ?? null,
      line.nodeId ?? null,
    );
  }

  /** The `limit` lines before the id `before`, oldest first; a negative limit reads them all. */
  list(psid: string, limit: number, before = Number.MAX_SAFE_INTEGER) {
    const rows = this.#list.all(psid, before, limit) as TranscriptRecord[];
    return rows.reverse().map(toTranscriptRow);
  }
}
