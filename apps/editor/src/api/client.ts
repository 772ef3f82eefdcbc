import type { Flow, FlowProblem, HttpStep } from "@convo/flow";
import type {
  Answer,
  FlowDetail,
  FlowSummary,
  PagePolicy,
  RuntimeStatus,
  VersionDetail,
  VersionSummary,
} from "./types";

export type {
  FlowDetail,
  FlowSummary,
  PagePolicy,
  RuntimeStatus,
  VersionDetail,
  VersionSummary,
} from "./types";

/** What is wrong in a document: where, in the runtime's words, and as a code to word here. */
export interface Issue {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

/** An answer other than 2xx, with the runtime's error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }

  get issues(): Issue[] {
    const issues = this.body.issues;
    return Array.isArray(issues) ? (issues as Issue[]) : [];
  }

  get problems(): FlowProblem[] {
    const problems = this.body.problems;
    return Array.isArray(problems) ? (problems as FlowProblem[]) : [];
  }
}

/** The request never got an answer: the network or the runtime is down. */
export class OfflineError extends Error {}

/**
 * How the editor proves who it is: a person's session (the `convo_session` cookie the browser
 * sends by itself, and its CSRF token on every change) or the admin token (automation).
 */
export type Credentials = { csrf: string } | string;

export function authHeaders(credentials: Credentials, method: string): Record<string, string> {
  if (typeof credentials === "string") return { authorization: `Bearer ${credentials}` };
  return method === "GET" ? {} : { "x-csrf-token": credentials.csrf };
}

const TOKEN_KEY = "convo.adminToken";

export function storedToken(): string | null {
  return globalThis.localStorage?.getItem(TOKEN_KEY) ?? null;
}

export function storeToken(token: string | null): void {
  if (token === null) localStorage.removeItem(TOKEN_KEY);
  else localStorage.setItem(TOKEN_KEY, token);
}

export class ApiClient {
  /**
   * `beforeError` runs before a refused request is handed over: the session passes the loading of
   * the error codes' words there, so the screen that catches it words it in the reader's language.
   */
  constructor(
    private readonly credentials: Credentials,
    private readonly base = "",
    private readonly beforeError: () => Promise<void> = async () => undefined,
  ) {}

  private async request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers = authHeaders(this.credentials, method);
    let payload: string | undefined;
    if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = typeof body === "string" ? body : JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await fetch(`${this.base}/api${path}`, { method, headers, body: payload });
    } catch (error) {
      throw new OfflineError(error instanceof Error ? error.message : String(error));
    }
    if (response.ok) return response;
    let parsed: Record<string, unknown> = {};
    try {
      parsed = (await response.json()) as Record<string, unknown>;
    } catch {
      // Not JSON (a proxy's error page): keep the status.
    }
    const error = (parsed.error ?? {}) as Record<string, unknown>;
    await this.beforeError().catch(() => undefined);
    throw new ApiError(
      response.status,
      typeof error.code === "string" ? error.code : `http_${response.status}`,
      typeof error.message === "string" ? error.message : response.statusText,
      error,
    );
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.request(method, path, body);
    return (await response.json()) as T;
  }

  getPageSettings(): Promise<Answer<"getPage">> {
    return this.json("GET", "/page");
  }
  savePageSettings(settings: Answer<"getPage">): Promise<Answer<"putPage">> {
    return this.json("PUT", "/page", settings);
  }

  listSecrets(): Promise<Answer<"getSecrets">> {
    return this.json("GET", "/secrets");
  }
  setSecret(name: string, value: string): Promise<Answer<"putSecretsName">> {
    return this.json("PUT", `/secrets/${encodeURIComponent(name)}`, { value });
  }
  async deleteSecret(name: string): Promise<void> {
    await this.request("DELETE", `/secrets/${encodeURIComponent(name)}`);
  }

  getAiProvider(): Promise<Answer<"getAiProvider">> {
    return this.json("GET", "/ai/provider");
  }
  /** An absent field keeps what was saved; `apiKey: null` forgets the key. */
  saveAiProvider(change: {
    baseUrl?: string;
    model?: string;
    apiKey?: string | null;
  }): Promise<Answer<"putAiProvider">> {
    return this.json("PUT", "/ai/provider", change);
  }

  listFlows(): Promise<{ flows: FlowSummary[] } & Answer<"getFlows">> {
    return this.json("GET", "/flows");
  }
  /** A new flow with a start step, in `language` (the interface's: a French marketer writes French). */
  createFlow(name: string, language?: string): Promise<FlowDetail> {
    return this.json("POST", "/flows", language ? { name, language } : { name });
  }
  getFlow(id: string): Promise<FlowDetail> {
    return this.json("GET", `/flows/${encodeURIComponent(id)}`);
  }
  saveFlow(id: string, flow: Flow, revision: number): Promise<Answer<"putFlowsId">> {
    return this.json("PUT", `/flows/${encodeURIComponent(id)}`, { flow, revision });
  }
  renameFlow(id: string, name: string): Promise<FlowDetail> {
    return this.json("PATCH", `/flows/${encodeURIComponent(id)}`, { name });
  }
  async deleteFlow(id: string): Promise<void> {
    await this.request("DELETE", `/flows/${encodeURIComponent(id)}`);
  }
  duplicateFlow(id: string, copy: { id?: string; name?: string } = {}): Promise<FlowDetail> {
    return this.json("POST", `/flows/${encodeURIComponent(id)}/duplicate`, copy);
  }
  publish(
    id: string,
    note: string | undefined,
    revision: number,
  ): Promise<Answer<"postFlowsIdPublish", 201>> {
    return this.json(
      "POST",
      `/flows/${encodeURIComponent(id)}/publish`,
      note ? { note, revision } : { revision },
    );
  }
  /** Stops a published flow answering (its versions stay); `resumeFlow` makes it live again. */
  pauseFlow(id: string): Promise<Answer<"postFlowsIdPause">> {
    return this.json("POST", `/flows/${encodeURIComponent(id)}/pause`);
  }
  /** 409 `flow_clash` when another live flow answers what it answers. */
  resumeFlow(id: string): Promise<Answer<"postFlowsIdResume">> {
    return this.json("POST", `/flows/${encodeURIComponent(id)}/resume`);
  }
  listVersions(id: string): Promise<{ versions: VersionSummary[] } & Answer<"getFlowsIdVersions">> {
    return this.json("GET", `/flows/${encodeURIComponent(id)}/versions`);
  }
  getVersion(id: string, version: number): Promise<VersionDetail> {
    return this.json("GET", `/flows/${encodeURIComponent(id)}/versions/${version}`);
  }
  restoreVersion(id: string, version: number): Promise<FlowDetail> {
    return this.json("POST", `/flows/${encodeURIComponent(id)}/versions/${version}/restore`);
  }
  status(): Promise<RuntimeStatus> {
    return this.json("GET", "/status");
  }
  /** Meta's last policy action on the Page (a block, an unblock), or `latest: null`. */
  pagePolicy(): Promise<PagePolicy> {
    return this.json("GET", "/inbox/policy");
  }
  /** The stable `serializeFlow` text of the draft, secrets redacted. */
  async exportFlow(id: string): Promise<string> {
    const response = await this.request("GET", `/flows/${encodeURIComponent(id)}/export`);
    return response.text();
  }
  /**
   * Imports a document as its text, so the runtime sees exactly what the file holds. When its id
   * is taken: `replace` overwrites that flow, `copy` imports it under a free id with `name`.
   */
  importFlow(
    text: string,
    as: { replace: true } | { copy: string } | undefined = undefined,
  ): Promise<FlowDetail> {
    const query =
      as === undefined
        ? ""
        : "replace" in as
          ? "?overwrite=1"
          : `?copy=1&name=${encodeURIComponent(as.copy)}`;
    return this.json("POST", `/flows/import${query}`, text);
  }
  /** Runs an HTTP step with its samples on the server (secrets filled there, masked here). */
  testHttp(step: HttpStep): Promise<Answer<"postHttpTest">> {
    return this.json("POST", "/http-test", { step });
  }
}
