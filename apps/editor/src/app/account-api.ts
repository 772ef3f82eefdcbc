import { ApiError, OfflineError } from "../api/client";
import type { Role } from "../common/session";
import type { useT } from "../i18n";

/** What signing in answers: the person and the session's CSRF token (the cookie is set). */
export interface SignedIn {
  person: { id: string; name: string; role: Role };
  csrfToken: string;
}

/** The sign-in routes, which need no session yet (`/api/auth/…`, apps/runtime/API.md). */
export async function accountCall(path: string, body: unknown): Promise<SignedIn> {
  let response: Response;
  try {
    response = await fetch(`/api/auth/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new OfflineError(error instanceof Error ? error.message : String(error));
  }
  const parsed = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const error = (parsed.error ?? {}) as Record<string, unknown>;
    throw new ApiError(
      response.status,
      typeof error.code === "string" ? error.code : `http_${response.status}`,
      typeof error.message === "string" ? error.message : response.statusText,
      error,
    );
  }
  return parsed as unknown as SignedIn;
}

/** A setup, invite or reset link opened in the editor: `/setup#token=…`. */
export function linkInUrl(): { kind: "setup" | "invite" | "reset"; token: string } | undefined {
  if (typeof window === "undefined") return undefined;
  const kind = window.location.pathname.replace(/\/$/, "").slice(1);
  const token = /^#token=([A-Za-z0-9_-]+)$/.exec(window.location.hash)?.[1];
  if (!token || (kind !== "setup" && kind !== "invite" && kind !== "reset")) return undefined;
  return { kind, token };
}

/** The words for a refused sign-in: wrong password, locked (until when), or unreachable. */
export function signInError(e: unknown, t: ReturnType<typeof useT>): string {
  if (!(e instanceof ApiError)) return t("common.offline");
  if (e.status === 429 && typeof e.body.retryAt === "string") {
    return t("signIn.locked", { time: new Date(e.body.retryAt).toLocaleTimeString() });
  }
  if (e.status === 401) return t("signIn.wrongPassword");
  if (e.code === "invalid_link") return t("signIn.invalidLink");
  return t("error.server", { message: e.message });
}
