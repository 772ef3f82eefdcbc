import { create } from "zustand";
import type { NodeCounts, Period } from "./overlay";

interface AnalyticsState {
  enabled: boolean;
  period: Period;
  byNode: ReadonlyMap<string, NodeCounts>;
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
  loading: false,
  error: null,
  setEnabled: (enabled) => set({ enabled, ...(enabled ? {} : { byNode: new Map(), error: null }) }),
  setPeriod: (period) => set({ period }),
}));
