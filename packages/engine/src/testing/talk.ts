import type { Flow } from "@convo/flow";
import { initialSession } from "../session";
import { step } from "../step";
import type { EngineEvent, Session, StepContext, StepResult } from "../types";
import { makeContext } from "./build";

/** Runs events one after the other through `step`, threading the session; every result in order. */
export function talk(
  flow: Flow,
  events: readonly EngineEvent[],
  context: StepContext = makeContext(),
  session: Session = initialSession(),
): StepResult[] {
  const results: StepResult[] = [];
  let current = session;
  for (const event of events) {
    const result = step(flow, current, event, context);
    results.push(result);
    current = result.session;
  }
  return results;
}
