import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../config";
import { REPO_ROOT } from "../paths";
import { createRuntime } from "../runtime";

/** `--flag value` (or `--flag=value`) → environment variable, so flags mirror the env. */
export const FLAGS: Record<string, string> = {
  "--port": "PORT",
  "--host": "HOST",
  "--db": "CONVO_DB",
  "--database-url": "CONVO_DATABASE_URL",
  "--public-url": "CONVO_PUBLIC_URL",
  "--admin-token": "CONVO_ADMIN_TOKEN",
  "--app-secret": "MESSENGER_APP_SECRET",
  "--verify-token": "MESSENGER_VERIFY_TOKEN",
  "--page-token": "MESSENGER_PAGE_TOKEN",
  "--graph-api-url": "GRAPH_API_URL",
  "--graph-api-version": "GRAPH_API_VERSION",
  "--editor-dist": "CONVO_EDITOR_DIST",
  "--log-level": "CONVO_LOG_LEVEL",
  "--send-rate": "CONVO_SEND_RATE",
  "--echo-wait": "CONVO_ECHO_WAIT_SECONDS",
  "--graph-timeout": "CONVO_GRAPH_TIMEOUT_SECONDS",
  "--max-connections": "CONVO_MAX_CONNECTIONS",
  "--headers-timeout": "CONVO_HEADERS_TIMEOUT_SECONDS",
  "--request-timeout": "CONVO_REQUEST_TIMEOUT_SECONDS",
  "--slow-step-ms": "CONVO_SLOW_STEP_MS",
};
export const SWITCHES: Record<string, string> = {
  "--allow-private-http": "CONVO_ALLOW_PRIVATE_HTTP",
};

export const SERVE_USAGE = `usage: convo serve [options]   (each option mirrors an environment variable)
${Object.entries({ ...FLAGS, ...SWITCHES })
  .map(([flag, env]) => `  ${flag.padEnd(22)} ${env}`)
  .join("\n")}
`;

export function flagsToEnv(args: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") continue;
    const [flag, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    const switchName = SWITCHES[flag];
    if (switchName) {
      env[switchName] = inline ?? "1";
      continue;
    }
    const name = FLAGS[flag];
    if (!name) throw new Error(`unknown option "${arg}"\n\n${SERVE_USAGE}`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    env[name] = value;
  }
  return env;
}

/** Runs the runtime until SIGTERM or SIGINT, then finishes the event in hand and exits. */
export async function runServe(args: readonly string[]): Promise<number> {
  if (args.includes("--help")) {
    process.stdout.write(SERVE_USAGE);
    return 0;
  }
  // `.env` becomes part of the environment (never over it), so what is read later, such as
  // CONVO_SECRET_<NAME>, sees it too.
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = loadConfig({ ...process.env, ...flagsToEnv(args) });
  if (!config.editorDist) {
    const dist = join(REPO_ROOT, "apps", "editor", "dist");
    if (existsSync(join(dist, "index.html"))) config.editorDist = dist;
  }
  const runtime = await createRuntime({ config });
  const { url, setupLink } = await runtime.start();
  const d = runtime.deps;
  const publicUrl = config.publicUrl ?? url;
  // Listen for the stop signals before saying it runs: whoever reads the banner may send SIGTERM
  // at once, and a signal nobody listens for kills the process without its graceful stop.
  const stopped = new Promise<number>((resolve) => {
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      d.log.info("stopping", { signal });
      runtime.stop().then(
        () => resolve(0),
        (error: unknown) => {
          d.log.error("stop failed", { error });
          resolve(1);
        },
      );
    };
    process.once("SIGTERM", () => shutdown("SIGTERM"));
    process.once("SIGINT", () => shutdown("SIGINT"));
  });
  process.stdout.write(
    [
      "",
      `  Convo is running: ${url}/`,
      ...(setupLink
        ? [`  First run:        open ${setupLink} to make the owner's account (works once)`]
        : []),
      `  Admin token:      ${d.adminToken} (for automation; people sign in)`,
      `  Webhook:          ${publicUrl}/webhooks/messenger (verify token ${d.verifyToken})`,
      d.sandbox
        ? "  Sandbox mode:     no MESSENGER_PAGE_TOKEN, replies go to the built-in Graph API emulator"
        : "  Messenger:        sending with the configured Page token",
      config.editorDist ? "" : "  (the editor is not built yet: the API answers under /api)",
      "",
    ].join("\n"),
  );

  return stopped;
}
