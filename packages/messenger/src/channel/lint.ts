import { type Flow, type FlowProblem, lintFlow } from "@convo/flow";
import { CHANNEL_SPECS } from "./specs";
import type { ChannelId } from "./types";

export interface ChannelLintOptions {
  /** The channels to check; the flow's own `channels`, else every channel, by default. */
  channels?: readonly ChannelId[];
  knownFlows?: readonly string[];
}

/**
 * Lints a flow for each channel it is published to: each channel's limits, and what each says
 * of a step it shows differently (`lintMessage`). A problem every channel has is listed once; one
 * of some channels names them ("WhatsApp: 4 buttons — sent as a list") and carries `channel`.
 * Browser-safe.
 *
 * @example
 * lintForChannels(flow, { channels: ["whatsapp"], knownFlows })
 */
export function lintForChannels(flow: Flow, options: ChannelLintOptions = {}): FlowProblem[] {
  const ids = options.channels ?? flow.channels ?? (Object.keys(CHANNEL_SPECS) as ChannelId[]);
  const byKey = new Map<string, { problem: FlowProblem; channels: ChannelId[] }>();
  const order: string[] = [];
  for (const id of ids) {
    const spec = CHANNEL_SPECS[id];
    const problems = lintFlow(flow, {
      channel: spec,
      ...(options.knownFlows ? { knownFlows: [...options.knownFlows] } : {}),
    });
    if (spec.lintMessage) {
      flow.nodes.forEach((node, i) => {
        if (node.type !== "message") return;
        for (const note of spec.lintMessage?.(node) ?? []) {
          problems.push({
            code: note.code,
            severity: note.severity,
            message: note.message,
            path: `nodes[${i}].${note.path}`,
            nodeId: node.id,
            ...(note.params ? { params: note.params } : {}),
          });
        }
      });
    }
    for (const problem of problems) {
      const key = `${problem.code}|${problem.path}|${problem.message}`;
      const seen = byKey.get(key);
      if (seen) seen.channels.push(id);
      else {
        byKey.set(key, { problem, channels: [id] });
        order.push(key);
      }
    }
  }
  return order.map((key) => {
    const { problem, channels } = byKey.get(key) as { problem: FlowProblem; channels: ChannelId[] };
    if (channels.length === ids.length && ids.length > 1) return problem;
    const names = channels.map((c) => CHANNEL_SPECS[c].name);
    // "Messenger shows at most 3 buttons" names its channel already.
    const named = names.length === 1 && problem.message.includes(names[0] as string);
    const message = named ? problem.message : `${names.join(", ")}: ${problem.message}`;
    // The editor translates by code and params: `channels` is the prefix it puts back.
    const params = named ? problem.params : { ...problem.params, channels: names.join(", ") };
    return { ...problem, message, channel: channels.join(","), ...(params ? { params } : {}) };
  });
}
