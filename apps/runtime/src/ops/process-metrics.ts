import { collectDefaultMetrics, Registry } from "prom-client";

let registry: Registry | undefined;

/**
 * Node's and the process's own metrics, as prom-client collects them (the names Node dashboards
 * expect): event-loop delay (`nodejs_eventloop_lag_p99_seconds`…), heap (`nodejs_heap_*`), GC
 * pauses (`nodejs_gc_duration_seconds`), CPU, memory, handles and file descriptors. One registry
 * per process, started once: the collectors observe the whole process, and a second set (several
 * runtimes in one test process) would count every GC twice. Convo's own counters stay in
 * `Metrics`: plain fields on the hot path, rendered beside these.
 */
export function processMetrics(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}
