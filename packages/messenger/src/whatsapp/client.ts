import { GRAPH_API_VERSION } from "../graph-version";
import { fetchGraph, type GraphFetch } from "../send/client";
import { classifyGraphFailure, networkFailure } from "../send/graph-error";
import type { WhatsAppMessage } from "./schemas";

export interface WhatsAppClientOptions {
  /** `https://graph.facebook.com`, or the emulator's URL. */
  baseUrl: string;
  version?: string;
  /** A system user or business token with `whatsapp_business_messaging`. */
  token: string;
  /** The business phone number's id (not the phone number). */
  phoneNumberId: string;
  fetch?: GraphFetch;
  /** Per call; 10 s by default. */
  timeoutMs?: number;
}

export interface WhatsAppSendResult {
  /** The `wamid` that statuses name. */
  messageId: string;
  /** The customer's `wa_id` as Meta resolved the `to` number. */
  waId: string;
}

export interface WhatsAppClient {
  /** `POST /{phone-number-id}/messages`; throws `GraphError` (131047, 131026, 130429, …). */
  sendMessage(body: WhatsAppMessage): Promise<WhatsAppSendResult>;
  /** Marks a customer's message read, with the typing indicator when `typing` (up to 25 s). */
  markRead(messageId: string, typing?: boolean): Promise<void>;
}

/**
 * The Cloud API's Messages endpoint. Tries each call once: the runtime's outbox owns retries
 * (durably, per contact in order), as it does for Messenger.
 */
export function createWhatsAppClient(options: WhatsAppClientOptions): WhatsAppClient {
  const base = `${options.baseUrl.replace(/\/+$/, "")}/${options.version ?? GRAPH_API_VERSION}`;
  const url = `${base}/${encodeURIComponent(options.phoneNumberId)}/messages`;
  const fetch = options.fetch ?? fetchGraph;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const post = async (body: unknown): Promise<unknown> => {
    let response: Awaited<ReturnType<GraphFetch>>;
    try {
      response = await fetch(url, {
        method: "POST",
        timeoutMs,
        headers: {
          authorization: `Bearer ${options.token}`,
          "content-type": "application/json",
        },
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw networkFailure(error, (error as { name?: unknown } | null)?.name === "TimeoutError");
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    if (!response.ok) throw classifyGraphFailure(response.status, json);
    return json;
  };
  return {
    async sendMessage(body) {
      const answer = (await post(body)) as {
        contacts?: { wa_id?: string }[];
        messages?: { id?: string }[];
      };
      const messageId = answer.messages?.[0]?.id;
      if (typeof messageId !== "string") {
        throw classifyGraphFailure(502, { error: { message: "no message id in the answer" } });
      }
      return { messageId, waId: answer.contacts?.[0]?.wa_id ?? body.to };
    },
    async markRead(messageId, typing = false) {
      await post({
        messaging_product: "whatsapp",
        status: "read",
        message_id: messageId,
        ...(typing ? { typing_indicator: { type: "text" } } : {}),
      });
    },
  };
}
