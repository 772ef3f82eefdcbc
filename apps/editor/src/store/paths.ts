/** A path into a JSON value: keys and array indexes, as the inspector addresses a field. */
export type Path = readonly (string | number)[];

/** Reads the value at `path`, or undefined when any step is missing. */
export function getIn(value: unknown, path: Path): unknown {
  let at: unknown = value;
  for (const key of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/**
 * Returns a copy of `value` with `path` set, sharing every untouched branch (the history keeps
 * whole documents, so structural sharing is what keeps it small). `undefined` removes an object key.
 */
export function setIn<T>(value: T, path: Path, next: unknown): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const current = (value as Record<string | number, unknown> | undefined)?.[key];
  const inner = setIn(current, rest, next);
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[key as number] = inner;
    return copy as T;
  }
  const copy: Record<string | number, unknown> = { ...(value as object) };
  if (inner === undefined) delete copy[key];
  else copy[key] = inner;
  return copy as T;
}

/** A lint problem's path (`nodes[3].data.steps[0].url`) as keys and indexes. */
export function parsePath(text: string): Path {
  const path: (string | number)[] = [];
  for (const m of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    path.push(m[2] === undefined ? (m[1] as string) : Number(m[2]));
  }
  return path;
}
