import { capText } from "../limits";
import { IGNORE, type Next, type Run } from "../run";
import type { HttpRequest, SecretPlace, Waiting } from "../types";
import type { Arrival } from "./kind";

/** How long an HTTP request may take when its step does not say. */
export const DEFAULT_HTTP_TIMEOUT_MS = 10_000;

/**
 * How a value is written into a request address: a reference at the very start supplies the base
 * URL itself; later ones are parts of it, so they are escaped.
 */
export function encodeUrlPart(value: string, offset: number): string {
  return offset === 0 ? value : encodeURIComponent(value);
}

/** A rendered text and where the `{{secrets.*}}` references the author wrote sit in it. */
type Rendered = { text: string; kept: readonly { at: number; length: number }[] };

/**
 * Collects the places where the host fills `{{secrets.NAME}}` in a request: `keep` cuts a
 * rendered text to `max` and remembers the secret references that are still whole in it.
 */
export function secretPlaces(): {
  keep(rendered: Rendered, place: Pick<SecretPlace, "field" | "header">, max?: number): string;
  places: SecretPlace[];
} {
  const places: SecretPlace[] = [];
  return {
    places,
    keep(rendered, place, max = Number.POSITIVE_INFINITY) {
      const text = capText(rendered.text, max);
      for (const { at, length } of rendered.kept) {
        if (at + length <= text.length) places.push({ ...place, at, length });
      }
      return text;
    },
  };
}

/** Hands the request to the host (an `http` action) and waits for its `http_result`. */
export function sendHttp(
  run: Run,
  at: { flowId: string; nodeId: string; stepIndex: number },
  request: HttpRequest,
): Next {
  const requestId = run.nextId("r");
  run.emit({ type: "http", requestId, request, nodeId: at.nodeId });
  return run.wait({
    kind: "http",
    ...at,
    requestId,
    // The host gives up at timeoutMs; a minute on top covers its queue.
    deadline: run.context.now + request.timeoutMs + 60_000,
  });
}

/**
 * What an event does to a session waiting for an HTTP answer: the answer to its own request goes
 * to `onResult`; another is ignored, and so is the contact's text, until the deadline, after
 * which the answer is taken as lost and the text handled as if the session were idle.
 */
export function resumeHttp(
  run: Run,
  waiting: Waiting | undefined,
  arrival: Arrival,
  onResult: (
    waiting: Extract<Waiting, { kind: "http" }>,
    event: Extract<Arrival, { kind: "http_result" }>["event"],
  ) => Next,
): Next | undefined {
  if (waiting?.kind !== "http") return undefined;
  if (arrival.kind === "http_result") {
    if (arrival.event.requestId !== waiting.requestId) return IGNORE;
    return onResult(waiting, arrival.event);
  }
  if (arrival.kind === "text") {
    if (waiting.deadline !== undefined && run.context.now > waiting.deadline) {
      run.session.waiting = undefined;
      return undefined;
    }
    return IGNORE;
  }
  return undefined;
}
