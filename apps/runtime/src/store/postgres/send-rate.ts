import type { SendRateStore } from "../send-rate";
import type { PgDatabase } from "./database";

/** The bucket refilled since its last take, by the database's clock (one clock for every replica). */
const REFILLED = `LEAST($4, s.tokens + GREATEST(0, extract(epoch FROM clock_timestamp() - s.at)) * $3)`;

export class PgSendRate implements SendRateStore {
  constructor(private readonly db: PgDatabase) {}

  /** One statement: the row's lock orders the replicas' takes; the first take creates it full. */
  async take(key: string, want: number, ratePerSecond: number, burst: number): Promise<number> {
    const { rows } = await this.db.pool.query<{ taken: number }>(
      `INSERT INTO send_rate AS s (key, tokens, at)
       VALUES ($1, $4 - LEAST($2, floor($4)), clock_timestamp())
       ON CONFLICT (key) DO UPDATE SET
         tokens = ${REFILLED} - LEAST($2, floor(${REFILLED})), at = clock_timestamp()
       RETURNING CASE WHEN old.tokens IS NULL THEN LEAST($2, floor($4))
         ELSE GREATEST(0, round(LEAST($4, old.tokens
           + GREATEST(0, extract(epoch FROM new.at - old.at)) * $3) - new.tokens)) END AS taken`,
      [key, want, ratePerSecond, burst],
    );
    return rows[0]?.taken ?? 0;
  }
}
