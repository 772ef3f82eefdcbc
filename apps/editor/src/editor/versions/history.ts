import type { Flow } from "@convo/flow";
import { createStore } from "zustand/vanilla";
import type { ApiClient, VersionSummary } from "../../api/client";

export interface HistoryState {
  /** Newest first; null until the first answer. */
  versions: VersionSummary[] | null;
  /** The latest published version's document, which the header compares with the draft. */
  live: { version: number; flow: Flow } | null;
  error: unknown;
}

/**
 * A flow's published versions, shared by the versions panel and the header, and refreshed by
 * whoever publishes: the list shows a new version the moment it exists.
 */
export function createHistory(api: ApiClient, flowId: string) {
  const state = createStore<HistoryState>(() => ({ versions: null, live: null, error: null }));
  let asked = 0;
  async function refresh(): Promise<void> {
    const turn = ++asked;
    try {
      const { versions } = await api.listVersions(flowId);
      const sorted = [...versions].sort((a, b) => b.version - a.version);
      const latest = sorted[0]?.version;
      let live = state.getState().live;
      if (latest === undefined) live = null;
      else if (live?.version !== latest)
        live = { version: latest, flow: (await api.getVersion(flowId, latest)).flow };
      // An older answer that arrives after a newer one is dropped.
      if (turn === asked) state.setState({ versions: sorted, live, error: null });
    } catch (error) {
      if (turn === asked) state.setState({ error });
    }
  }
  return { state, refresh };
}

export type History = ReturnType<typeof createHistory>;
