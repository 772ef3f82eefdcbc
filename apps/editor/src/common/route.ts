import { useSyncExternalStore } from "react";

/** `#/` is the flows list, `#/flows/<id>` a flow's canvas. */
export type Route = { screen: "list" } | { screen: "flow"; flowId: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/flows\/([^/]+)$/.exec(hash);
  return match?.[1] ? { screen: "flow", flowId: decodeURIComponent(match[1]) } : { screen: "list" };
}

function subscribe(callback: () => void): () => void {
  window.addEventListener("hashchange", callback);
  return () => window.removeEventListener("hashchange", callback);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function navigate(route: Route): void {
  window.location.hash =
    route.screen === "list" ? "#/" : `#/flows/${encodeURIComponent(route.flowId)}`;
}

/** The owner's settings, `#/settings/<section>`. */
export const SETTINGS_SECTIONS = ["people", "keys", "audit", "secrets", "ai"] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

export function settingsRoute(hash: string): SettingsSection | undefined {
  const section = /^#\/settings\/([a-z]+)$/.exec(hash)?.[1];
  return SETTINGS_SECTIONS.find((s) => s === section);
}
