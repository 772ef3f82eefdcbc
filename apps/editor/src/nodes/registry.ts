import type { NodeType } from "@convo/flow";

/** What the palette and the add menu show for each type, in the order marketers reach for them. */
export const NODE_KINDS: readonly { type: NodeType; icon: string }[] = [
  { type: "message", icon: "✉" },
  { type: "input", icon: "?" },
  { type: "condition", icon: "⋔" },
  { type: "action", icon: "⚙" },
  { type: "delay", icon: "◷" },
  { type: "randomizer", icon: "⚄" },
  { type: "handover", icon: "☺" },
  { type: "goto", icon: "↪" },
  { type: "trigger", icon: "⚡" },
  { type: "note", icon: "✎" },
];

export const NODE_ICONS = Object.fromEntries(NODE_KINDS.map((k) => [k.type, k.icon])) as Record<
  NodeType,
  string
>;
