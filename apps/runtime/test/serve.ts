import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { TOKEN } from "./helpers";

/** How to start the command line: from its TypeScript sources through tsx, or as built. */
export const FROM_SOURCES = ["--import", "tsx", "src/cli.ts"];
export const FROM_BUILD = ["dist/cli.mjs"];

/** A `convo serve` child process and the URL it listens on. */
export interface RunningConvo {
  process: ChildProcess;
  url: string;
}

/**
 * `convo serve` as its own process (so a test can SIGKILL or SIGTERM it), with the test's
 * environment on top of the admin token and quiet logs; resolves with its URL once it listens.
 * With `stderr: "pipe"` the test reads the logs from `process.stderr`.
 */
export function serveConvo(
  env: Record<string, string>,
  {
    stderr = "inherit",
    entry = FROM_SOURCES,
  }: { stderr?: "inherit" | "pipe"; entry?: readonly string[] } = {},
): Promise<RunningConvo> {
  const proc = spawn(process.execPath, [...entry, "serve"], {
    cwd: join(import.meta.dirname, ".."),
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      CONVO_ADMIN_TOKEN: TOKEN,
      CONVO_LOG_LEVEL: "error",
      ...env,
    },
    stdio: ["ignore", "pipe", stderr],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    proc.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Convo is running: (http:\/\/[\d.:]+)\//.exec(out);
      if (match?.[1]) resolve({ process: proc, url: match[1] });
    });
    proc.once("exit", (code) => reject(new Error(`convo serve exited with ${code}: ${out}`)));
  });
}

/** Management API calls with the admin token against a runtime at `url`. */
export const apiAt = (url: string) => async (method: string, path: string, body?: unknown) => {
  const response = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
};
