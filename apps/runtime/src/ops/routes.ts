import { Hono } from "hono";
import type { ReplicaLink } from "../store/replicas";
import type { StatsStore } from "../store/stats";
import type { Metrics } from "./metrics";
import { processMetrics } from "./process-metrics";
import { renderReplicaFigures } from "./replica-metrics";

/** What the operations routes read: the counters, the queue depths, and whether to take traffic. */
export interface OpsSources {
  metrics: Metrics;
  stats: Pick<StatsStore, "queueDepths">;
  isReady: () => boolean;
  /** A store shared by replicas: its pool and lease figures join /metrics. */
  replicas?: Pick<ReplicaLink, "figures"> | undefined;
}

/** Health, readiness and metrics: no token, for load balancers and Prometheus. */
export function opsRoutes({ metrics, stats, isReady, replicas }: OpsSources) {
  const app = new Hono();
  // Started with the app, so event-loop delay and GC are observed from the first request on.
  const process = processMetrics();
  app.get("/healthz", (c) => c.json({ ok: true }));
  app.get("/readyz", (c) => (isReady() ? c.json({ ready: true }) : c.json({ ready: false }, 503)));
  app.get("/metrics", async (c) => {
    const shared = replicas ? renderReplicaFigures(await replicas.figures()) : "";
    const text = metrics.render(await stats.queueDepths()) + shared + (await process.metrics());
    return c.body(text, 200, { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" });
  });
  return app;
}
