import { Hono } from "hono";
import type { Deps } from "../deps";
import { processMetrics } from "./process-metrics";

/** Health, readiness and metrics: no token, for load balancers and Prometheus. */
export function opsRoutes(deps: Deps, isReady: () => boolean) {
  const app = new Hono();
  // Started with the app, so event-loop delay and GC are observed from the first request on.
  const process = processMetrics();
  app.get("/healthz", (c) => c.json({ ok: true }));
  app.get("/readyz", (c) => (isReady() ? c.json({ ready: true }) : c.json({ ready: false }, 503)));
  app.get("/metrics", async (c) => {
    const text = deps.metrics.render(await deps.store.queueDepths()) + (await process.metrics());
    return c.body(text, 200, { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" });
  });
  return app;
}
