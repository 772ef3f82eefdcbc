import type { OutMessage } from "@convo/engine";
import type { TranscriptEntry } from "../api/test-api";

/** One line of the sandbox conversation, in time order. */
export type ThreadLine =
  | { key: string; at: number; from: "contact"; text: string }
  | {
      key: string;
      at: number;
      from: "bot" | "agent";
      message: OutMessage;
      /** The flow and step that sent a bot's message, from its transcript line. */
      source?: { flowId: string; nodeId: string };
    };

/** A message the tester sent that the runtime has not recorded yet. */
export interface PendingLine {
  key: string;
  text: string;
  /** How many contact messages the transcript holds once this one is in it. */
  expectCount: number;
}

/**
 * The conversation as the phone shows it: what the contact wrote (from the transcript, so it
 * survives a reload), what the runtime sent (from the Graph API emulator), and, at the end, what
 * the tester just sent and the runtime has not recorded yet. A message a person wrote in live chat
 * is shown as theirs: the Send API body does not say who wrote it, the transcript does.
 */
export function buildThread(
  sent: readonly { key: string; at: number; message: OutMessage }[],
  transcript: readonly TranscriptEntry[],
  pending: readonly PendingLine[],
): ThreadLine[] {
  const incoming = transcript.filter((m) => m.direction === "in" && m.author === "contact");
  const agentTexts = new Set(
    transcript.flatMap((m) => (m.author === "agent" && m.text ? [m.text] : [])),
  );
  // The runtime's sends and the transcript's bot lines come from the same outbox rows, in order:
  // the n-th bot message sent is the n-th bot line, which names its flow and step.
  const sources = transcript.flatMap((m) =>
    m.direction === "out" && m.author === "bot" && m.flowId
      ? [{ flowId: m.flowId, nodeId: m.nodeId ?? "" }]
      : m.direction === "out" && m.author === "bot"
        ? [undefined]
        : [],
  );
  let botIndex = 0;
  const lines: ThreadLine[] = [
    ...incoming.map((m) => ({
      key: `in-${m.id}`,
      at: Date.parse(m.at),
      from: "contact" as const,
      text: m.text ?? "",
    })),
    ...sent.map((s): ThreadLine => {
      const from =
        s.message.kind === "text" && agentTexts.has(s.message.text)
          ? ("agent" as const)
          : ("bot" as const);
      const source = from === "bot" ? sources[botIndex++] : undefined;
      return source
        ? { key: s.key, at: s.at, from, message: s.message, source }
        : { key: s.key, at: s.at, from, message: s.message };
    }),
  ];
  // Stable: at the same millisecond the contact's message came first.
  lines.sort((a, b) => a.at - b.at);
  const last = lines.at(-1)?.at ?? 0;
  for (const p of pending) {
    if (incoming.length < p.expectCount) {
      lines.push({ key: p.key, at: last, from: "contact", text: p.text });
    }
  }
  return lines;
}

/**
 * The variables beside the sandbox's phone, as the simulator shows its flow's: by name when one
 * flow has any, as `flow.name` when several have (a `goto` carries the contact across flows).
 */
export function shownVariables(
  byFlow: Readonly<Record<string, Readonly<Record<string, string>>>>,
): Record<string, string> {
  const flows = Object.entries(byFlow).filter(([, vars]) => Object.keys(vars).length > 0);
  if (flows.length === 1) return { ...flows[0]?.[1] };
  return Object.fromEntries(
    flows.flatMap(([flow, vars]) =>
      Object.entries(vars).map(([name, v]) => [`${flow}.${name}`, v]),
    ),
  );
}
