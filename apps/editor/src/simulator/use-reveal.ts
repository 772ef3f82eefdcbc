import { useEffect, useRef, useState } from "react";
import type { SimulatorEntry } from "./simulator";

/** A typing pause shows this long at most in the simulator: the tester should not wait for real. */
const MAX_TYPING_MS = 900;
const BUBBLE_GAP_MS = 120;

/**
 * Shows new lines one after the other, with the typing indicator for typing pauses, as Messenger
 * would; lines removed (step back, restart) disappear at once.
 */
export function useReveal(entries: readonly SimulatorEntry[]): {
  shown: readonly SimulatorEntry[];
  typing: boolean;
} {
  const [count, setCount] = useState(entries.length);
  const [typing, setTyping] = useState(false);
  const target = useRef(entries);
  target.current = entries;

  useEffect(() => {
    if (count > entries.length) {
      setCount(entries.length);
      setTyping(false);
      return;
    }
    if (count === entries.length) return;
    const next = entries[count];
    if (!next) return;
    const delay =
      next.from === "typing"
        ? Math.min(MAX_TYPING_MS, next.seconds * 1000)
        : next.from === "bot"
          ? BUBBLE_GAP_MS
          : 0;
    if (next.from === "typing") setTyping(true);
    const timer = setTimeout(() => {
      setTyping(false);
      setCount((c) => Math.min(c + 1, target.current.length));
    }, delay);
    return () => clearTimeout(timer);
  }, [count, entries]);

  return { shown: entries.slice(0, Math.min(count, entries.length)), typing };
}
