import { create } from "zustand";
import { ApiClient, authHeaders, type Credentials, storedToken, storeToken } from "../api/client";

interface Session {
  /** The session's CSRF token, or the admin token; null until signed in. */
  credentials: Credentials | null;
  api: ApiClient | null;
  /** At start, while the runtime is asked whether the browser's cookie is a session. */
  checking: boolean;
  /** Signed in with the admin token (kept in this browser). */
  signIn: (token: string) => void;
  /** Signed in as a person: the cookie is set; the CSRF token goes with every change. */
  signedIn: (csrf: string) => void;
  signOut: () => void;
}

export const useSession = create<Session>((set, get) => {
  const token = storedToken();
  const canAsk = token === null && typeof window !== "undefined";
  if (canAsk) {
    fetch("/api/auth/me")
      .then(async (response) => {
        const me = response.ok ? ((await response.json()) as { csrfToken?: string | null }) : {};
        if (me.csrfToken) get().signedIn(me.csrfToken);
      })
      .catch(() => {})
      .finally(() => set({ checking: false }));
  }
  return {
    credentials: token,
    api: token ? new ApiClient(token) : null,
    checking: canAsk,
    signIn: (next) => {
      storeToken(next);
      set({ credentials: next, api: new ApiClient(next) });
    },
    signedIn: (csrf) => {
      const credentials = { csrf };
      set({ credentials, api: new ApiClient(credentials), checking: false });
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
      set({ credentials: null, api: null });
    },
  };
});

/** The signed-in client; screens behind the sign-in only render with one. */
export function useApi(): ApiClient {
  const api = useSession((s) => s.api);
  if (!api) throw new Error("useApi outside a signed-in screen");
  return api;
}
