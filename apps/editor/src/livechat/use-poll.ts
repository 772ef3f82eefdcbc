import { useEffect, useRef, useState } from "react";

export interface Polled<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads now and again every `everyMs` while mounted (`null`: only when `key` changes or on
 * `reload`, for what live news keeps current); `reload` loads at once (after an action).
 */
export function usePoll<T>(load: () => Promise<T>, everyMs: number | null, key: string): Polled<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loader = useRef(load);
  loader.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` and `tick` restart the polling on purpose
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function run() {
      try {
        const value = await loader.current();
        if (stopped) return;
        setData(value);
        setError(null);
      } catch (e) {
        if (!stopped) setError(e);
      } finally {
        if (!stopped) {
          setLoading(false);
          if (everyMs !== null) timer = setTimeout(run, everyMs);
        }
      }
    }
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [key, tick, everyMs]);

  return { data, error, loading, reload: () => setTick((n) => n + 1) };
}
