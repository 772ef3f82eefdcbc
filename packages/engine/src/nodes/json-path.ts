/**
 * Reads a value from a parsed JSON response by a path as marketers write it: `status`,
 * `order.status`, `items[0].name`, `$.data.id`. Returns `undefined` when any part is missing.
 */
export function readPath(root: unknown, path: string): unknown {
  const parts = parsePath(path);
  if (!parts) return undefined;
  let value: unknown = root;
  for (const part of parts) {
    if (value === null || typeof value !== "object") return undefined;
    if (typeof part === "number") {
      if (!Array.isArray(value)) return undefined;
      value = value[part < 0 ? value.length + part : part];
    } else {
      if (!Object.hasOwn(value, part)) return undefined;
      value = (value as Record<string, unknown>)[part];
    }
  }
  return value;
}

function parsePath(path: string): (string | number)[] | undefined {
  let rest = path.trim().replace(/^\$\.?/, "");
  const parts: (string | number)[] = [];
  while (rest !== "") {
    const m = /^(?:\.?([^.[\]]+)|\[(-?\d+)\]|\["([^"]*)"\])/.exec(rest);
    if (!m) return undefined;
    if (m[1] !== undefined) parts.push(m[1]);
    else if (m[2] !== undefined) parts.push(Number(m[2]));
    else parts.push(m[3] as string);
    rest = rest.slice(m[0].length);
  }
  return parts;
}

/** How a mapped JSON value is kept in a (text) variable. */
export function valueToText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/**
 * The path `readPath` reads a value at, written as marketers read it: `data.items[0].status`;
 * a key that is not a plain word is quoted (`["order id"]`).
 *
 * @example formatJsonPath(["data", "items", 0, "status"]) // "data.items[0].status"
 */
export function formatJsonPath(parts: readonly (string | number)[]): string {
  let out = "";
  for (const part of parts) {
    if (typeof part === "number") out += `[${part}]`;
    else if (/^[^.[\]"\s]+$/.test(part)) out += out === "" ? part : `.${part}`;
    else out += `["${part}"]`;
  }
  return out;
}
