import { ApiError, authHeaders, type Credentials, OfflineError } from "./client";
import type { components } from "./openapi";
import { callApi } from "./test-api";
import type { Answer } from "./types";

type Schemas = components["schemas"];
export type Person = Schemas["Person"];
export type Invite = Answer<"getPeople">["invites"][number];
export type ApiKey = Schemas["ApiKey"];
export type AuditEntry = Answer<"getAudit">["entries"][number];
export type Link = Answer<"postPeople", 201>;
/** An endpoint of events out, as `/api/webhooks/endpoints` lists it (its secret never is). */
export interface WebhookEndpoint {
  id: string;
  url: string;
  /** The event types it takes, or `*` for all. */
  events: string[];
  createdAt: string;
}

/** What the audit log is filtered by: an actor's id, an action or a prefix (`flow.`), a page. */
export interface AuditFilter {
  actor?: string;
  action?: string;
  before?: number;
  limit?: number;
}

const id = encodeURIComponent;

function auditQuery(filter: AuditFilter, format?: "csv"): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filter, format })) {
    if (value !== undefined && value !== "") query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `/audit?${text}` : "/audit";
}

/** The owner's calls: people and their invites, API keys, the audit log (apps/runtime/API.md). */
export function teamApi(token: Credentials) {
  return {
    people: () => callApi<Answer<"getPeople">>(token, "GET", "/people"),
    invite: (email: string, role: Person["role"]) =>
      callApi<Link>(token, "POST", "/people", { email, role }),
    setRole: (personId: string, role: Person["role"]) =>
      callApi<Person>(token, "PATCH", `/people/${id(personId)}`, { role }),
    resetLink: (personId: string) => callApi<Link>(token, "POST", `/people/${id(personId)}/reset`),
    remove: (personId: string) => callApi<null>(token, "DELETE", `/people/${id(personId)}`),
    keys: () => callApi<Answer<"getKeys">>(token, "GET", "/keys"),
    createKey: (name: string, scopes: string[]) =>
      callApi<Answer<"postKeys", 201>>(token, "POST", "/keys", { name, scopes }),
    revokeKey: (keyId: string) => callApi<null>(token, "DELETE", `/keys/${id(keyId)}`),
    webhooks: () => callApi<{ endpoints: WebhookEndpoint[] }>(token, "GET", "/webhooks/endpoints"),
    /** The endpoint and its signing secret, answered this once. */
    createWebhook: (url: string, events: string[]) =>
      callApi<WebhookEndpoint & { secret: string }>(token, "POST", "/webhooks/endpoints", {
        url,
        events,
      }),
    removeWebhook: (endpointId: string) =>
      callApi<null>(token, "DELETE", `/webhooks/endpoints/${id(endpointId)}`),
    audit: (filter: AuditFilter) => callApi<Answer<"getAudit">>(token, "GET", auditQuery(filter)),
    /** The log as the route's CSV (cells defused against spreadsheet formulas), filtered alike. */
    async auditCsv(filter: AuditFilter): Promise<string> {
      let response: Response;
      try {
        response = await fetch(`/api${auditQuery({ ...filter, limit: 10_000 }, "csv")}`, {
          headers: authHeaders(token, "GET"),
        });
      } catch (error) {
        throw new OfflineError(error instanceof Error ? error.message : String(error));
      }
      if (!response.ok) throw new ApiError(response.status, `http_${response.status}`, "", {});
      return response.text();
    },
  };
}

export type TeamApi = ReturnType<typeof teamApi>;
