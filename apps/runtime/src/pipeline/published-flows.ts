import type { FlowRef } from "@convo/engine";
import type { FlowStore } from "../store/flows";

/** The published flows as the engine wants them, reloaded only after a publish or delete. */
export class PublishedFlows {
  #refs: FlowRef[] | undefined;
  #byId = new Map<string, FlowRef>();

  constructor(private readonly flows: FlowStore) {}

  invalidate(): void {
    this.#refs = undefined;
  }

  async load(): Promise<{ refs: readonly FlowRef[]; byId: ReadonlyMap<string, FlowRef> }> {
    if (!this.#refs) {
      const rows = await this.flows.published();
      // Paused flows stay in: `goto` and conversations already in them go on; the engine's
      // trigger matching skips them.
      this.#refs = rows.map((r) =>
        r.paused
          ? { flow: r.flow, version: r.version, paused: true }
          : { flow: r.flow, version: r.version },
      );
      this.#byId = new Map(this.#refs.map((r) => [r.flow.id, r]));
    }
    return { refs: this.#refs, byId: this.#byId };
  }
}
