import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerOptions,
  type ServerResponse,
} from "node:http";
import type { Socket } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import type { Logger } from "./log";
import type { Metrics } from "./ops/metrics";

/** How much of the process a client may hold, and for how long. */
export interface ConnectionLimits {
  /** Connections served at once; past it a small reserve answers only the operations routes. */
  maxConnections: number;
  /** A request's headers must arrive within this (Meta sends a webhook at once). */
  headersTimeoutMs: number;
  /** The whole request, headers and body, must arrive within this. */
  requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** A kept-alive connection is closed after this many requests. */
  maxRequestsPerSocket: number;
}

/** Routes a load balancer or Prometheus calls: they keep answering when the runtime is full. */
const OPERATIONS = new Set(["/healthz", "/readyz", "/metrics"]);

/** A connection of the reserve must send its request quickly, or it gives its place back. */
const RESERVE_IDLE_MS = 2_000;

const errorBody = (code: string, message: string) => JSON.stringify({ error: { code, message } });

/** A whole response written on the socket itself, for when no request can be answered. */
const refusal = (status: number, reason: string, body: string) =>
  `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\n` +
  `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n` +
  `${status === 503 ? "Retry-After: 1\r\n" : ""}\r\n${body}`;

const FULL_BODY = errorBody(
  "too_many_connections",
  "The runtime has too many connections open; try again in a moment.",
);
const FULL = refusal(503, "Service Unavailable", FULL_BODY);
const TIMED_OUT = refusal(
  408,
  "Request Timeout",
  errorBody("request_timeout", "The request did not arrive in time."),
);
const HEADERS_TOO_LARGE = refusal(
  431,
  "Request Header Fields Too Large",
  errorBody("headers_too_large", "The request's headers are too large."),
);
const BAD_REQUEST = refusal(
  400,
  "Bad Request",
  errorBody("bad_request", "The request is not valid HTTP."),
);

/**
 * Serves `fetch` over node:http with limits suited to a webhook, so slow or many connections
 * cannot take the process's descriptors or memory:
 *
 * - headers within `headersTimeoutMs`, the whole request within `requestTimeoutMs` (Node's own
 *   defaults are 60 s and 300 s), checked every second or faster;
 * - kept-alive connections idle for `keepAliveTimeoutMs` at most, `maxRequestsPerSocket` requests;
 * - at most `maxConnections` connections served. Past them, a reserve of a tenth more answers
 *   `/healthz`, `/readyz` and `/metrics` (and 503 to anything else); past the reserve, a
 *   connection gets a 503 at once and is closed. So `/healthz` keeps answering under a flood of
 *   slow connections, which the time-outs then cut;
 * - protocol errors and time-outs answer a JSON error, as every other refusal does.
 */
export function listenWithLimits(options: {
  fetch: Parameters<typeof serve>[0]["fetch"];
  port: number;
  hostname: string;
  limits: ConnectionLimits;
  metrics: Metrics;
  log: Logger;
}): Promise<ServerType> {
  const { limits, metrics, log } = options;
  const reserve = Math.max(2, Math.ceil(limits.maxConnections / 10));
  const reserved = new WeakSet<Socket>();
  const refused = new WeakSet<Socket>();
  let open = 0;
  metrics.openConnections = () => open;

  const guard =
    (listener: RequestListener): RequestListener =>
    (req: IncomingMessage, res: ServerResponse) => {
      const socket = req.socket;
      // Its 503 is on the way; the request it sent anyway is not served.
      if (refused.has(socket)) return;
      if (reserved.has(socket)) {
        // One request per reserve connection, then the place is free again.
        res.shouldKeepAlive = false;
        if (!OPERATIONS.has((req.url ?? "").split("?")[0] ?? "")) {
          metrics.http.refused++;
          res.writeHead(503, {
            "Content-Type": "application/json",
            "Content-Length": Buffer.byteLength(FULL_BODY),
            "Retry-After": "1",
          });
          res.end(FULL_BODY);
          return;
        }
      }
      listener(req, res);
    };

  const create = (serverOptions: ServerOptions, listener: RequestListener): Server => {
    const server = createServer(
      {
        ...serverOptions,
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        // Node checks the two time-outs on this period (30 s by default, far past a 1 s limit).
        connectionsCheckingInterval: Math.max(50, Math.min(1_000, limits.headersTimeoutMs / 4)),
      },
      guard(listener),
    );
    server.maxRequestsPerSocket = limits.maxRequestsPerSocket;
    server.on("connection", (socket: Socket) => {
      open++;
      socket.once("close", () => {
        open--;
      });
      if (open > limits.maxConnections + reserve) {
        metrics.http.refused++;
        refused.add(socket);
        socket.end(FULL);
        // The client reads the 503 and closes; one that does not is cut.
        setTimeout(() => socket.destroy(), RESERVE_IDLE_MS).unref();
        return;
      }
      if (open > limits.maxConnections) {
        reserved.add(socket);
        socket.setTimeout(RESERVE_IDLE_MS, () => socket.destroy());
      }
    });
    server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
      const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
      let answer = BAD_REQUEST;
      if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
        metrics.http.timedOut++;
        answer = TIMED_OUT;
      } else if (error.code === "ECONNRESET" || error.code === "EPIPE") {
        // A request in hand is counted by the app when its body read fails; count the rest here.
        if (!inFlight) metrics.http.aborted++;
        socket.destroy();
        return;
      } else if (error.code === "HPE_HEADER_OVERFLOW") {
        metrics.http.badRequests++;
        answer = HEADERS_TOO_LARGE;
      } else {
        metrics.http.badRequests++;
      }
      log.debug("connection closed", { reason: error.code ?? error.message });
      // Answer unless a response has started on this connection (its bytes would interleave).
      // (Node's own handler does the same: write, then close.)
      if (socket.writable && !inFlight?.headersSent) socket.write(answer);
      socket.destroy();
    });
    return server;
  };

  return new Promise<ServerType>((resolve, reject) => {
    const server = serve(
      {
        fetch: options.fetch,
        port: options.port,
        hostname: options.hostname,
        // node-server always calls it as (options, listener), the one form `create` takes.
        createServer: create as unknown as typeof createServer,
      },
      () => resolve(server),
    );
    server.once("error", reject);
  });
}
