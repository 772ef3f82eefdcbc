import { FLOW_ID_PATTERN, ID_PATTERN } from "./common";

/**
 * What a postback or quick-reply payload sent by Convo points at. Payloads carry the flow,
 * its published version, the node and the handle, so a tap on an old message still lands where it
 * was drawn (or falls back to the default reply when that node is gone).
 */
export interface PayloadTarget {
  flowId: string;
  /** Published version the message was sent from; 0 for a draft (the simulator). */
  version: number;
  nodeId: string;
  handle: string;
}

const PREFIX = "cv1";

/** `cv1|order-tracking|3|ask|track`: short, readable in logs, far under Messenger's 1,000. */
export function encodePayload(target: PayloadTarget): string {
  return [PREFIX, target.flowId, String(target.version), target.nodeId, target.handle].join("|");
}

/** The target of a payload Convo made, or `undefined` for any other text. Never throws. */
export function decodePayload(payload: string): PayloadTarget | undefined {
  if (payload.length > 1000) return undefined;
  const parts = payload.split("|");
  if (parts.length !== 5 || parts[0] !== PREFIX) return undefined;
  const [, flowId = "", versionText = "", nodeId = "", handle = ""] = parts;
  const version = Number(versionText);
  if (!Number.isSafeInteger(version) || version < 0 || !/^\d+$/.test(versionText)) return undefined;
  if (!FLOW_ID_PATTERN.test(flowId) || !ID_PATTERN.test(nodeId) || !ID_PATTERN.test(handle)) {
    return undefined;
  }
  return { flowId, version, nodeId, handle };
}

/** The longest payload `encodePayload` can make, for lint and the renderer's checks. */
export const MAX_ENCODED_PAYLOAD = PREFIX.length + 64 + 10 + 64 + 64 + 4;
