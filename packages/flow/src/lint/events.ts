import { eventTriggers } from "../events";
import type { FlowNode, NodeOfType } from "../node-types";
import { nodeOutputs } from "../outputs";
import { joinPath } from "../problems";
import type { Flow } from "../schema";
import { nodeTexts } from "../texts";
import type { ProblemList } from "./context";
import type { NodeReference } from "./variables";

/** Meta's rule, quoted in the warning (Send API reference, "Limitations"). */
export const TAG_PROMOTION_RULE = "Message tags can not be used to send promotional content";

/**
 * Words and button titles that read as promotion (English and French): a discount, a sale, a
 * code, "shop now". A heuristic for a warning, not a filter.
 */
const PROMOTION =
  /(\b\d{1,2}\s?%|%\s?off\b|\bdiscount|\bpromo|\bcoupon|\bvoucher|\bsale\b|\bdeal\b|\bshop now\b|\bbuy now\b|\bsoldes?\b|\bréduction|\bremise\b|\bbon plan|\bachetez|\bj'en profite|\bcode promo)/i;

/**
 * The rules of brand-initiated updates: `{{event.x}}` names a field an event trigger of the flow
 * declares; a message step an event reaches before the contact taps anything says what happens
 * outside the 24-hour window when it has no tag; a tagged step does not read as promotion.
 */
export function lintEvents(
  flow: Flow,
  references: readonly (readonly NodeReference[])[],
  problems: ProblemList,
): void {
  const triggers = eventTriggers(flow);
  const fields = new Set<string>();
  for (const { trigger } of triggers) for (const f of trigger.fields) fields.add(f.name);
  const reached = reachedByEvents(
    flow,
    triggers.map((t) => t.nodeId),
  );

  flow.nodes.forEach((node, i) => {
    for (const { path, ref } of references[i] ?? []) {
      if (ref.namespace !== "event" || fields.has(ref.key)) continue;
      problems.add({
        code: "event-field-unknown",
        severity: "warning",
        path: joinPath(`nodes[${i}]`, path),
        nodeId: node.id,
        message:
          triggers.length === 0
            ? `{{${ref.name}}} reads an event's data, but no event trigger starts this flow: it is always empty.`
            : `{{${ref.name}}}: no event trigger of this flow declares the field "${ref.key}".`,
        params: { name: ref.key },
      });
    }
    if (node.type !== "message") return;
    const tagged = node.data.sendAs !== undefined && node.data.sendAs !== "standard";
    if (!tagged && reached.has(node.id)) {
      problems.onNode(
        i,
        node,
        "event-step-untagged",
        "warning",
        "data.sendAs",
        "An event reaches this step: outside the 24-hour window it is not sent (the event is marked skipped) unless it goes with a message tag.",
      );
    }
    if (tagged && looksPromotional(node)) {
      problems.onNode(
        i,
        node,
        "tag-promotional",
        "warning",
        "data.sendAs",
        `This step goes with the ${node.data.sendAs} tag but reads as promotion. Meta: "${TAG_PROMOTION_RULE}."`,
        { tag: node.data.sendAs ?? "" },
      );
    }
  });
}

function looksPromotional(node: NodeOfType<"message">): boolean {
  for (const { text } of nodeTexts(node)) if (PROMOTION.test(text)) return true;
  return false;
}

/**
 * Nodes an event reaches before the contact does anything: the walk goes through `next`, branches
 * and the like, and stops at what the contact taps or types (the window is open again after it).
 */
function reachedByEvents(flow: Flow, starts: readonly string[]): Set<string> {
  const reached = new Set<string>();
  if (starts.length === 0) return reached;
  const byId = new Map<string, FlowNode>();
  for (const node of flow.nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  const tapHandles = new Map<string, Set<string>>();
  const tapsOf = (node: FlowNode) => {
    let taps = tapHandles.get(node.id);
    if (!taps) {
      taps = new Set();
      for (const o of nodeOutputs(node)) {
        if (o.kind === "button" || o.kind === "quick_reply" || o.kind === "choice") taps.add(o.id);
        if (node.type === "message" && o.kind === "else") taps.add(o.id);
      }
      tapHandles.set(node.id, taps);
    }
    return taps;
  };
  const out = new Map<string, { handle: string; target: string }[]>();
  for (const edge of flow.edges) {
    const list = out.get(edge.source) ?? [];
    list.push({ handle: edge.sourceHandle ?? "next", target: edge.target });
    out.set(edge.source, list);
  }
  const queue = [...starts];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (reached.has(id)) continue;
    reached.add(id);
    const node = byId.get(id);
    // An input waits for the contact's answer: what follows is inside the window.
    if (!node || node.type === "input") continue;
    const taps = tapsOf(node);
    for (const { handle, target } of out.get(id) ?? []) if (!taps.has(handle)) queue.push(target);
  }
  return reached;
}
