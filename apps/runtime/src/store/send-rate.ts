/**
 * The Page's send rate shared by every process that sends for it (replicas over PostgreSQL): a
 * token bucket kept in the database, so N replicas send at the Page's rate, not N times it. A
 * store of one process has none; its sender keeps the bucket in memory.
 */
export interface SendRateStore {
  /**
   * Takes up to `want` tokens from the bucket `key`, refilled at `ratePerSecond` up to `burst`
   * by the database's clock; returns how many were taken (0 when it is empty).
   */
  take(key: string, want: number, ratePerSecond: number, burst: number): Promise<number>;
}
