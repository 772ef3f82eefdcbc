/** One thing wrong with a flow, as shown in the problems panel and printed by `convo validate`. */
export interface FlowProblem {
  /** Stable machine code, e.g. `button-title-too-long`; the editor translates by it. */
  code: string;
  /** `error` blocks publishing; `warning` does not. */
  severity: "error" | "warning";
  /** A sentence a marketer understands. */
  message: string;
  /** JSON path into the flow document, e.g. `nodes[3].data.content[0].buttons[1].title`. */
  path: string;
  /** The step the problem is on, when it is on one. */
  nodeId?: string;
  /** The connection the problem is on, when it is on one. */
  edgeId?: string;
  /** Values the message was built from, so translations can say the same thing. */
  params?: Record<string, string | number>;
  /** The channel the problem is of, when it is not every channel's (`whatsapp`). */
  channel?: string;
  /** A rewrite the editor can apply in one click: the text `path` should hold instead. */
  fix?: { value: string };
}

/** Formats a path array the way people read it: `nodes[3].data.title`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

export function joinPath(base: string, rest: string): string {
  if (rest === "") return base;
  if (base === "") return rest;
  return rest.startsWith("[") ? base + rest : `${base}.${rest}`;
}
