import type { AiRequest, HttpRequest } from "@convo/engine";
import type { ChannelId } from "@convo/messenger/channel";
import { ApiError, authHeaders, type Credentials, OfflineError } from "./client";
import type {
  AiOutcome,
  Answer,
  Contact,
  ContactEvent,
  FlowStats,
  HttpOutcome,
  SentCall,
  TranscriptEntry,
} from "./types";

/** The management API calls of the test panel, live chat and analytics (apps/runtime/API.md). */

export type { Contact, ContactEvent, FlowStats, SentCall, TranscriptEntry } from "./types";

export type SandboxInput =
  | { text: string }
  | { postback: { payload: string; title: string } }
  | { quickReply: { payload: string; text: string } };

export async function callApi<T>(
  token: Credentials,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const headers = authHeaders(token, method);
  if (body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new OfflineError(error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text === "" ? null : JSON.parse(text);
  } catch {
    // Not JSON: keep the status.
  }
  if (!response.ok) {
    const error = ((parsed as { error?: Record<string, unknown> } | null)?.error ?? {}) as Record<
      string,
      unknown
    >;
    throw new ApiError(
      response.status,
      typeof error.code === "string" ? error.code : `http_${response.status}`,
      typeof error.message === "string" ? error.message : response.statusText,
      error,
    );
  }
  return parsed as T;
}

const id = encodeURIComponent;

export function testApi(token: Credentials) {
  return {
    simulateHttp: (request: HttpRequest) =>
      callApi<HttpOutcome>(token, "POST", "/simulator/http", request),
    simulateAi: (request: AiRequest) => callApi<AiOutcome>(token, "POST", "/simulator/ai", request),
    sandboxSend: (psid: string, input: SandboxInput, channel: ChannelId = "messenger") =>
      callApi<Answer<"postSandboxMessages", 202>>(token, "POST", "/sandbox/messages", {
        psid,
        channel,
        ...input,
      }),
    /** What the channel's emulator answered for the test contact, and the contact's API id. */
    sandboxSent: (psid: string, after: number, channel: ChannelId = "messenger") =>
      callApi<{ calls: SentCall[]; contactId?: string }>(
        token,
        "GET",
        `/sandbox/sent?psid=${id(psid)}&after=${after}&channel=${channel}`,
      ),
    /** The test contact as the flows see it: fields (with its name), tags, variables by flow. */
    sandboxContact: (psid: string, channel: ChannelId = "messenger") =>
      callApi<Answer<"getSandboxContact">>(
        token,
        "GET",
        `/sandbox/contact?psid=${id(psid)}&channel=${channel}`,
      ),
    listContacts: (search?: string) =>
      callApi<{ contacts: Contact[] }>(
        token,
        "GET",
        `/contacts?limit=100${search ? `&search=${id(search)}` : ""}`,
      ),
    getContact: (contactId: string) => callApi<Contact>(token, "GET", `/contacts/${id(contactId)}`),
    transcript: (contactId: string) =>
      callApi<{ messages: TranscriptEntry[] }>(
        token,
        "GET",
        `/contacts/${id(contactId)}/transcript?limit=200`,
      ),
    contactEvents: (contactId: string) =>
      callApi<{ events: ContactEvent[] }>(token, "GET", `/contacts/${id(contactId)}/events`),
    pause: (contactId: string) =>
      callApi<Contact>(token, "POST", `/contacts/${id(contactId)}/pause`, {}),
    resume: (contactId: string) =>
      callApi<Contact>(token, "POST", `/contacts/${id(contactId)}/resume`),
    sendAsAgent: (contactId: string, text: string) =>
      callApi<Answer<"postContactsIdMessages", 202>>(
        token,
        "POST",
        `/contacts/${id(contactId)}/messages`,
        { text },
      ),
    stats: (flowId: string, from: number, to: number) =>
      callApi<FlowStats>(token, "GET", `/flows/${id(flowId)}/stats?from=${from}&to=${to}`),
  };
}

export type TestApi = ReturnType<typeof testApi>;
