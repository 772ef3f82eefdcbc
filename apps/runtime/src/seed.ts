import { join } from "node:path";
import { type Flow, lintFlow } from "@convo/flow";
import { readExampleFlows } from "@convo/flow/examples";
import { CHANNELS } from "@convo/messenger";
import type { Logger } from "./log";
import { REPO_ROOT } from "./paths";
import type { Store } from "./store/store";

export const EXAMPLES_DIR = join(REPO_ROOT, "examples");

/**
 * A fresh database gets the examples, all published, so `npm start` answers at once: welcome is
 * the default reply and links to the others. Runs once; deleting them later is the marketer's call.
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
      const errors = lintFlow(flow, { channel: CHANNELS.messenger, knownFlows }).filter(
        (p) => p.severity === "error",
      );
      if (errors.length === 0) await store.flows.publish(flow.id, flow, "Example", "convo", now);
      else log.warn("example not published: lint errors", { flow: flow.id, errors });
    }
    log.info("seeded examples", { flows: knownFlows });
  }
  await store.settings.set("seeded", new Date(now).toISOString());
}
