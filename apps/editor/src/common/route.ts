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

/**
 * The owner's settings, `#/settings/<section>`: the section's name as written. The settings chunk
 * knows which sections there are (`SETTINGS_SECTIONS`), so the first load carries no list of them.
 */
export function settingsRoute(hash: string): string | undefined {
  return /^#\/settings\/([a-z]+)$/.exec(hash)?.[1];
}
