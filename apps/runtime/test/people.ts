import type { Json } from "./helpers";

/** What a call answered, as a browser would see it. */
export interface Answer {
  status: number;
  json: Json;
  text: string;
  headers: Headers;
}

/**
 * A browser's view of the API: the `convo_session` cookie it was given, and the CSRF token the
 * last sign-in answered, sent back as a browser and the editor would. Every answer's text is kept
 * (`seen`), so a test can look for what must never be in one.
 */
export class Browser {
  cookie: string | undefined;
  csrf: string | undefined;
  /** The last `Set-Cookie` of `convo_session`, as sent. */
  setCookie: string | undefined;
  readonly seen: string[] = [];

  constructor(readonly url: string) {}

  async call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const sent: Record<string, string> = { "content-type": "application/json" };
    if (this.cookie) sent.cookie = `convo_session=${this.cookie}`;
    if (this.csrf && method !== "GET") sent["x-csrf-token"] = this.csrf;
    const abort = new AbortController();
    const response = await fetch(this.url + path, {
      method,
      headers: { ...sent, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: abort.signal,
    });
    // A news stream (server-sent events) never ends: its status and headers are the answer.
    if ((response.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
      abort.abort();
      return { status: response.status, json: null, text: "", headers: response.headers };
    }
    for (const line of response.headers.getSetCookie()) {
      if (!line.startsWith("convo_session=")) continue;
      this.setCookie = line;
      this.cookie = line.slice("convo_session=".length).split(";")[0] || undefined;
    }
    const text = await response.text();
    this.seen.push(text);
    let json: Json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    if (typeof json?.csrfToken === "string") this.csrf = json.csrfToken;
    return { status: response.status, json, text, headers: response.headers };
  }

  signIn(email: string, password: string) {
    return this.call("POST", "/api/auth/sign-in", { email, password });
  }
}

/** The token of a setup, invite or reset link (in its fragment). */
export const tokenOf = (link: string) => new URL(link).hash.replace(/^#token=/, "");

export const PASSWORD = "a long enough password";

/** The first owner, made with the runtime's setup link. */
export async function setUpOwner(url: string, setupLink: string | undefined, name = "Olivia") {
  if (!setupLink) throw new Error("no setup link: the database has people already");
  const owner = new Browser(url);
  const answer = await owner.call("POST", "/api/auth/setup", {
    token: tokenOf(setupLink),
    email: "olivia@example.com",
    password: PASSWORD,
    name,
  });
  if (answer.status !== 201) throw new Error(`setup: ${answer.status} ${answer.text}`);
  return { owner, person: answer.json.person };
}

/** Someone invited by `owner` with `role`, who accepted and is signed in. */
export async function invited(owner: Browser, email: string, role: string, name: string) {
  const invite = await owner.call("POST", "/api/people", { email, role });
  if (invite.status !== 201) throw new Error(`invite: ${invite.status} ${invite.text}`);
  const browser = new Browser(owner.url);
  const accepted = await browser.call("POST", "/api/auth/accept-invite", {
    token: tokenOf(invite.json.link),
    password: PASSWORD,
    name,
  });
  if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${accepted.text}`);
  return { browser, person: accepted.json.person, email };
}
