import { create } from "zustand";
import { ApiClient, authHeaders, type Credentials, storedToken, storeToken } from "../api/client";
import { loadErrorWords } from "../i18n";

export type Role = "owner" | "editor" | "agent" | "viewer";

/** Who is signed in: a person (their id and role), or the admin token (owner, no person). */
export interface Who {
  id: string | null;
  role: Role;
}

interface Session {
  /** The session's CSRF token, or the admin token; null until signed in. */
  credentials: Credentials | null;
  api: ApiClient | null;
  /** The signed-in caller's role decides which screens show (the server refuses the rest). */
  who: Who | null;
  /** At start, while the runtime is asked whether the browser's cookie is a session. */
  checking: boolean;
  /** Signed in with the admin token (kept in this browser). */
  signIn: (token: string) => void;
  /** Signed in as a person: the cookie is set; the CSRF token goes with every change. */
  signedIn: (csrf: string, person: { id: string; role: Role }) => void;
  signOut: () => void;
}

/** A client whose refused requests come with the words of their codes (see `describeError`). */
const clientOf = (credentials: Credentials) => new ApiClient(credentials, "", loadErrorWords);

/** The admin token is an owner-level key, and nobody in particular. */
const ADMIN: Who = { id: null, role: "owner" };

export const useSession = create<Session>((set, get) => {
  const token = storedToken();
  const canAsk = token === null && typeof window !== "undefined";
  if (canAsk) {
    fetch("/api/auth/me")
      .then(async (response) => {
        const me = response.ok
          ? ((await response.json()) as {
              csrfToken?: string | null;
              person?: { id: string; role: Role } | null;
            })
          : {};
        if (me.csrfToken && me.person) get().signedIn(me.csrfToken, me.person);
      })
      .catch(() => {})
      .finally(() => set({ checking: false }));
  }
  return {
    credentials: token,
    api: token ? clientOf(token) : null,
    who: token ? ADMIN : null,
    checking: canAsk,
    signIn: (next) => {
      storeToken(next);
      set({ credentials: next, api: clientOf(next), who: ADMIN });
    },
    signedIn: (csrf, person) => {
      const credentials = { csrf };
      set({
        credentials,
        api: clientOf(credentials),
        who: { id: person.id, role: person.role },
        checking: false,
      });
    },
    signOut: () => {
      const { credentials } = get();
      if (credentials !== null && typeof credentials !== "string") {
        void fetch("/api/auth/sign-out", {
          method: "POST",
          headers: authHeaders(credentials, "POST"),
        }).catch(() => {});
      }
      storeToken(null);
      set({ credentials: null, api: null, who: null });
    },
  };
});

/** The signed-in client; screens behind the sign-in only render with one. */
export function useApi(): ApiClient {
  const api = useSession((s) => s.api);
  if (!api) throw new Error("useApi outside a signed-in screen");
  return api;
}

/** Whether the signed-in caller is the owner (people, keys, the audit log, secrets). */
export const useIsOwner = (): boolean => useSession((s) => s.who?.role === "owner");
