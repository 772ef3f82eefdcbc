import type { ChannelId } from "@convo/messenger/channel";
import { create } from "zustand";

interface TestChannelState {
  channel: ChannelId;
  setChannel: (channel: ChannelId) => void;
}

/**
 * The channel a tester plays, shared by the simulator and the sandbox (switching it starts the
 * conversation again). Here, below both, so neither imports the other.
 */
export const useTestChannel = create<TestChannelState>((set) => ({
  channel: "messenger",
  setChannel: (channel) => set({ channel }),
}));
