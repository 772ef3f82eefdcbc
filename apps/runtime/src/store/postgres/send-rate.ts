import type { SendRateStore } from "../send-rate";
import { type PgDatabase, prepared } from "./database";

/**
 * The bucket's row is locked (FOR UPDATE) and refilled by the database's clock, one clock for
 * every replica; the tokens taken come out of the same refill, so replicas take turns exactly.
 */
const TAKE = `
  UPDATE send_rate s SET tokens = c.refilled - LEAST($2, floor(c.refilled)), at = c.now
  FROM (
    SELECT LEAST($4::float8, tokens + GREATEST(0, extract(epoch FROM clock_timestamp() - at))::float8 * $3::float8) AS refilled,
      clock_timestamp() AS now
    FROM send_rate WHERE key = $1 FOR UPDATE
  ) c
  WHERE s.key = $1
  RETURNING LEAST($2, floor(c.refilled))::int AS taken`;

export class PgSendRate implements SendRateStore {
  /** Buckets known to exist: the first take of a process creates its row, full. */
  readonly #known = new Set<string>();

  constructor(private readonly db: PgDatabase) {}

  async take(key: string, want: number, ratePerSecond: number, burst: number): Promise<number> {
    if (!this.#known.has(key)) {
      await prepared(
        this.db.pool,
        "INSERT INTO send_rate (key, tokens, at) VALUES ($1, $2, clock_timestamp()) ON CONFLICT (key) DO NOTHING",
        [key, burst],
      );
      this.#known.add(key);
    }
    const { rows } = await prepared<{ taken: number }>(this.db.pool, TAKE, [
      key,
      want,
      ratePerSecond,
      burst,
    ]);
    return rows[0]?.taken ?? 0;
  }
}
