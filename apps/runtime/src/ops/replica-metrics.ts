import type { ReplicaFigures } from "../store/replicas";

/** /metrics lines of a store shared by replicas: its connection pool and the rows in hand. */
export function renderReplicaFigures(f: ReplicaFigures): string {
  const gauge = (name: string, help: string, values: [string, number][]) => [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} gauge`,
    ...values.map(([labels, v]) => `${name}${labels} ${v}`),
  ];
  return `${[
    ...gauge("convo_db_pool_connections", "PostgreSQL connections of this replica, by state.", [
      ['{state="total"}', f.pool.total],
      ['{state="idle"}', f.pool.idle],
      ['{state="waiting"}', f.pool.waiting],
    ]),
    ...gauge("convo_replicas_alive", "Replicas whose heartbeat is within the lease.", [
      ["", f.replicasAlive],
    ]),
    ...gauge("convo_leases_held", "Rows this replica holds, by queue.", [
      ['{queue="inbox"}', f.held.inbox],
      ['{queue="outbox"}', f.held.outbox],
    ]),
    ...gauge("convo_leases_orphaned", "Rows held by replicas taken for dead, by queue.", [
      ['{queue="inbox"}', f.orphaned.inbox],
      ['{queue="outbox"}', f.orphaned.outbox],
    ]),
  ].join("\n")}\n`;
}
