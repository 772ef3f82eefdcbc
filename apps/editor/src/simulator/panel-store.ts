import { create } from "zustand";

export { useTestChannel } from "../phone/test-channel";

export type TestTab = "simulator" | "sandbox";

interface TestPanelState {
  open: boolean;
  tab: TestTab;
  toggle: () => void;
  close: () => void;
  setTab: (tab: TestTab) => void;
}

/** Whether the test panel is open, and on which tab (view state, never in the undo history). */
export const useTestPanel = create<TestPanelState>((set) => ({
  open: false,
  tab: "simulator",
  toggle: () => set((s) => ({ open: !s.open })),
  close: () => set({ open: false }),
  setTab: (tab) => set({ tab, open: true }),
}));

interface ActiveNodeState {
  nodeId: string | null;
  set: (nodeId: string | null) => void;
}

/**
 * The step the simulator is at, for the canvas to ring. Steps select `nodeId === id`, so moving
 * on re-renders two steps, not all of them.
 */
export const useActiveNode = create<ActiveNodeState>((set) => ({
  nodeId: null,
  set: (nodeId) => set({ nodeId }),
}));
