import { create } from "zustand";

/** How long a success notice stays on screen. Errors stay until they are dismissed. */
export const NOTICE_MS = 4000;

export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface Notice {
  id: number;
  kind: "success" | "error";
  text: string;
  /** A notice with the same key replaces the one before it (publish's answer, say). */
  key: string | undefined;
  action: NoticeAction | undefined;
}

export const useNotices = create<{ notices: Notice[] }>(() => ({ notices: [] }));

let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

/** Takes a notice off the screen. */
export function dismissNotice(id: number): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
  useNotices.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

/**
 * Shows a notice: a success leaves on its own after `NOTICE_MS`, an error stays until the reader
 * closes it (its button or Escape). Every screen's messages go through here, so they all look and
 * leave alike, in the one place that keeps clear of the inspector.
 */
export function notify(
  kind: Notice["kind"],
  text: string,
  options: { key?: string; action?: NoticeAction } = {},
): number {
  const id = nextId++;
  const replaced = options.key
    ? useNotices.getState().notices.filter((n) => n.key === options.key)
    : [];
  for (const old of replaced) dismissNotice(old.id);
  const notice: Notice = { id, kind, text, key: options.key, action: options.action };
  useNotices.setState((s) => ({ notices: [...s.notices, notice] }));
  if (kind === "success")
    timers.set(
      id,
      setTimeout(() => dismissNotice(id), NOTICE_MS),
    );
  return id;
}

/** Takes the notices with this key off the screen (a retry makes the last error moot). */
export function dismissNotices(key: string): void {
  for (const n of useNotices.getState().notices) if (n.key === key) dismissNotice(n.id);
}
