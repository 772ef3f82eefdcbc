import { create } from "zustand";
import { ApiClient, storedToken, storeToken } from "../api/client";

interface Session {
  token: string | null;
  api: ApiClient | null;
  signIn: (token: string) => void;
  signOut: () => void;
}

export const useSession = create<Session>((set) => {
  const token = storedToken();
  return {
    token,
    api: token ? new ApiClient(token) : null,
    signIn: (next) => {
      storeToken(next);
      set({ token: next, api: new ApiClient(next) });
    },
    signOut: () => {
      storeToken(null);
      set({ token: null, api: null });
    },
  };
});

/** The signed-in client; screens behind the sign-in only render with one. */
export function useApi(): ApiClient {
  const api = useSession((s) => s.api);
  if (!api) throw new Error("useApi outside a signed-in screen");
  return api;
}
