import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AccountSessionRow, PersonRow } from "../store/people";
import type { Store } from "../store/store";
import { newToken, tokenDigest } from "./tokens";

export const SESSION_COOKIE = "convo_session";
/** A session unused this long ends. */
export const IDLE_MS = 12 * 60 * 60 * 1000;
/** A session's last use is written at most this often (not a write per request). */
const TOUCH_EVERY_MS = 60_000;

/** Loopback only may go without `Secure` (a browser on http://localhost); anywhere else it is https. */
function isLoopback(c: Context): boolean {
  const host = new URL(c.req.url).hostname.replace(/^\[|\]$/g, "");
  return (
    host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127\./.test(host)
  );
}

function putCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: !isLoopback(c),
    maxAge: IDLE_MS / 1000,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: !isLoopback(c) });
}

type SessionStores = Pick<Store, "accountSessions" | "people">;

/**
 * Signs `person` in: a new session (a new id every time, so a session id planted before sign-in
 * is worth nothing after), and the one the request came with, if any, ends.
 */
export async function startSession(
  c: Context,
  store: SessionStores,
  person: PersonRow,
  now: number,
): Promise<AccountSessionRow> {
  const previous = getCookie(c, SESSION_COOKIE);
  if (previous) await store.accountSessions.remove(tokenDigest(previous));
  const token = newToken();
  const session = {
    id: tokenDigest(token),
    personId: person.id,
    createdAt: now,
    lastSeenAt: now,
    csrfToken: newToken(),
  };
  await store.accountSessions.create(session);
  putCookie(c, token);
  // Now and then, forget the sessions nobody came back to.
  if (Math.random() < 0.05) await store.accountSessions.removeIdle(now - IDLE_MS);
  return session;
}

/**
 * The person and session of the request's cookie: none when there is no such session, it was
 * idle too long, or the account was removed. A session in use is kept alive (and its cookie too).
 */
export async function sessionOf(
  c: Context,
  store: SessionStores,
  now: number,
): Promise<{ person: PersonRow; session: AccountSessionRow } | undefined> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return undefined;
  const session = await store.accountSessions.find(tokenDigest(token));
  if (!session) return undefined;
  if (session.lastSeenAt + IDLE_MS <= now) {
    await store.accountSessions.remove(session.id);
    return undefined;
  }
  const person = await store.people.find(session.personId);
  if (!person || person.disabledAt !== null) return undefined;
  if (session.lastSeenAt + TOUCH_EVERY_MS <= now) {
    await store.accountSessions.touch(session.id, now);
    putCookie(c, token);
  }
  return { person, session };
}
