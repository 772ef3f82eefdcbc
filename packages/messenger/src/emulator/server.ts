import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createGraphEmulatorApp, type GraphEmulator, type GraphEmulatorOptions } from "./app";

export interface StartGraphEmulatorOptions extends GraphEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
}

export interface RunningGraphEmulator extends Omit<GraphEmulator, "app"> {
  /** Base URL to give the Send API client, e.g. `http://127.0.0.1:40123`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the Graph API emulator over real HTTP on loopback.
 *
 * @example
 * const graph = await startGraphEmulator({ pageToken: "token", appSecret: "secret" });
 * const client = createSendApiClient({ baseUrl: graph.url, pageToken: "token", appSecret: "secret" });
 * // … then: await graph.close();
 */
export async function startGraphEmulator(
  options: StartGraphEmulatorOptions = {},
): Promise<RunningGraphEmulator> {
  const { port = 0, host = "127.0.0.1", ...rest } = options;
  const emulator = createGraphEmulatorApp(rest);
  const server = await listenOn(emulator.app.fetch, port, host);
  const { app: _app, ...controls } = emulator;
  return {
    ...controls,
    url: server.url,
    close: async () => {
      await emulator.close();
      await server.close();
    },
  };
}

/** Serves `fetch` over HTTP on `host:port` (a free port for 0) until `close`. */
export async function listenOn(
  fetch: (request: Request) => Response | Promise<Response>,
  port: number,
  host: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const { server, address } = await new Promise<{
    server: ReturnType<typeof serve>;
    address: AddressInfo;
  }>((resolve, reject) => {
    const server = serve({ fetch, port, hostname: host }, (info) =>
      resolve({ server, address: info }),
    );
    server.once("error", reject);
  });
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if ("closeAllConnections" in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
