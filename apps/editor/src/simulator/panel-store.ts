import type { ChannelId } from "@convo/messenger/channel";
import { create } from "zustand";

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

interface TestChannelState {
  channel: ChannelId;
  setChannel: (channel: ChannelId) => void;
}

/** The channel the simulator plays (switching it starts the conversation again). */
export const useTestChannel = create<TestChannelState>((set) => ({
  channel: "messenger",
  setChannel: (channel) => set({ channel }),
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
