import type { RecordedCall, WhatsAppCall } from "@convo/messenger";
import type { SandboxEmulators } from "./build-gateways";
import type { ContactChannel } from "./contact-address";

/** One call an emulator answered, numbered within its channel so the sandbox view can poll. */
export interface SandboxCall {
  seq: number;
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  at: number;
  status: number;
  response: unknown;
}

/**
 * The sends each channel's emulator answered, for the sandbox view: Messenger's and Instagram's
 * Send API calls (`/me/messages`, by `recipient.id`), WhatsApp's Cloud API messages (by `to`).
 */
export function sandboxSentCalls(emulators: SandboxEmulators) {
  return (channel: ContactChannel, id: string | undefined, after: number): SandboxCall[] => {
    if (channel === "whatsapp") return whatsappCalls(emulators.whatsapp?.calls ?? [], id, after);
    return graphCalls(emulators[channel].calls, id, after);
  };
}

function graphCalls(calls: readonly RecordedCall[], id: string | undefined, after: number) {
  const out: SandboxCall[] = [];
  for (let i = after; i < calls.length; i++) {
    const call = calls[i] as RecordedCall;
    if (!call.path.endsWith("/me/messages")) continue;
    const recipient = (call.body as { recipient?: { id?: string } } | undefined)?.recipient?.id;
    if (id !== undefined && recipient !== id) continue;
    const { warnings: _warnings, ...shown } = call;
    out.push({ ...shown, seq: i + 1 });
  }
  return out;
}

function whatsappCalls(calls: readonly WhatsAppCall[], id: string | undefined, after: number) {
  const out: SandboxCall[] = [];
  for (let i = after; i < calls.length; i++) {
    const call = calls[i] as WhatsAppCall;
    const to = (call.body as { to?: string } | undefined)?.to;
    if (id !== undefined && to !== id) continue;
    out.push({ ...call, method: "POST", query: {}, seq: i + 1 });
  }
  return out;
}
