import { parseArgs } from "node:util";
import { startStandaloneEmulator } from "@convo/messenger/emulator";

export const EMULATOR_USAGE = `usage: convo emulator [options]

  --port 9090              the port (0 picks a free one; 9090 by default)
  --host 127.0.0.1         the address to listen on
  --page-token <token>     every call must carry this access_token (any token passes without it)
  --app-secret <secret>    checks appsecret_proof, and signs what is sent to --webhook
  --webhook <url>          the app's webhook: echoes of sent messages and /_say events go there

The Graph API as Convo's tests play it (Send API, user profile, Messenger Profile, thread
control), answering with Meta's shapes and errors. Control routes for test scripts:
  GET /_calls [?since=N]   the calls so far (tokens redacted)      DELETE /_calls  forget them
  POST /_say {"psid","text"} or {"psid","payload"}   a customer writes: a signed webhook event
  POST /_webhook <body>    any webhook body, signed and sent to --webhook
  PUT /_profiles/<psid>    the profile answered for that PSID
  POST /_faults {"next":3,"code":2}   fail the next calls with Meta's error   POST /_reset
`;

/**
 * `convo emulator`: the Graph API emulator on its own, until Ctrl-C. Point a runtime at it with
 * `GRAPH_API_URL=http://127.0.0.1:9090`, or any Messenger client with its base URL.
 */
export async function runEmulator(
  args: readonly string[],
  out: (text: string) => void = (t) => process.stdout.write(t),
): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: "string", default: "9090" },
      host: { type: "string", default: "127.0.0.1" },
      "page-token": { type: "string" },
      "app-secret": { type: "string" },
      webhook: { type: "string" },
      help: { type: "boolean" },
    },
    strict: true,
  });
  if (values.help) {
    out(EMULATOR_USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a port number, not "${values.port}"`);
  }
  if (values.webhook !== undefined && !/^http:\/\//.test(values.webhook)) {
    throw new Error(`--webhook must be an http:// address (the emulator plays Meta on loopback)`);
  }
  const running = await startStandaloneEmulator({
    port,
    host: values.host,
    pageToken: values["page-token"],
    appSecret: values["app-secret"],
    webhookUrl: values.webhook,
  });
  out(`Graph API emulator on ${running.url}\n`);
  out(`  calls: GET ${running.url}/_calls\n`);
  if (values.webhook) out(`  echoes and /_say events go to ${values.webhook}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await running.close();
  return 0;
}
