import { create } from "zustand";
import type { NodeCounts, Period, TokenSummary } from "./overlay";

interface AnalyticsState {
  enabled: boolean;
  period: Period;
  byNode: ReadonlyMap<string, NodeCounts>;
  /** The flow's model tokens in the period; undefined when its AI steps spent none. */
  tokens: TokenSummary | undefined;
  loading: boolean;
  error: string | null;
  setEnabled: (enabled: boolean) => void;
  setPeriod: (period: Period) => void;
}

/** The canvas overlay's state; each step selects its own entry of `byNode`. */
export const useAnalytics = create<AnalyticsState>((set) => ({
  enabled: false,
  period: "7d",
  byNode: new Map(),
  tokens: undefined,
  loading: false,
  error: null,
  setEnabled: (enabled) =>
    set({ enabled, ...(enabled ? {} : { byNode: new Map(), tokens: undefined, error: null }) }),
  setPeriod: (period) => set({ period }),
}));
