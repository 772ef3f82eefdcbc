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
      this.#refs = rows.map((r) => ({ flow: r.flow, version: r.version }));
      this.#byId = new Map(this.#refs.map((r) => [r.flow.id, r]));
    }
    return { refs: this.#refs, byId: this.#byId };
  }
}
