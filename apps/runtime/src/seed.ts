import { join } from "node:path";
import { type Flow, triggerClaims } from "@convo/flow";
import { readExampleFlows } from "@convo/flow/examples";
import { lintForChannels } from "@convo/messenger";
import type { Logger } from "./log";
import { REPO_ROOT } from "./paths";
import type { Store } from "./store/store";

export const EXAMPLES_DIR = join(REPO_ROOT, "examples");

/**
 * A fresh database gets the examples, all published, so `npm start` answers at once: welcome is
 * the default reply and links to the others. Runs once; deleting them later is the marketer's call.
 *
 * An example that answers keywords (order tracking: "order", "colis"; support: "help", "aide";
 * lead capture: "promo", "offre") is seeded paused: those are the words a newcomer gives their own
 * first flow, which would clash with it (publishing refuses a clash) or, worse, be answered by the
 * example. Paused, it answers no keyword, but welcome's menu still goes to it, and one click
 * resumes it. Welcome (Get Started, the default reply) and the event-driven updates (their own
 * refs and event names) stay live.
 */
export async function seedExamples(
  store: Pick<Store, "flows" | "settings">,
  log: Logger,
  now: number,
  dir = EXAMPLES_DIR,
) {
  if ((await store.settings.get("seeded")) !== undefined) return;
  if ((await store.flows.list()).length === 0) {
    let read: ReturnType<typeof readExampleFlows> = [];
    try {
      read = readExampleFlows(dir);
    } catch {
      log.warn("no examples folder to seed from", { dir });
    }
    const flows = read.flatMap(({ file, result }): Flow[] => {
      if (!result.ok) log.warn("example is not a valid flow", { file, errors: result.errors });
      return result.ok ? [result.flow] : [];
    });
    const knownFlows = flows.map((f) => f.id);
    for (const flow of flows) {
      await store.flows.create(flow, now);
      const errors = lintForChannels(flow, { knownFlows }).filter((p) => p.severity === "error");
      if (errors.length > 0) {
        log.warn("example not published: lint errors", { flow: flow.id, errors });
        continue;
      }
      await store.flows.publish(flow.id, flow, "Example", "convo", now);
      if (triggerClaims(flow).some((c) => c.kind === "keyword")) {
        await store.flows.setPaused(flow.id, now);
      }
    }
    log.info("seeded examples", { flows: knownFlows });
  }
  await store.settings.set("seeded", new Date(now).toISOString());
}
