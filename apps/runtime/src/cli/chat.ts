import { createInterface } from "node:readline/promises";
import {
  Conversation,
  describeActions,
  type EngineAction,
  type HttpRequest,
  type Tappable,
  tappables,
  tappableTitle,
} from "@convo/engine";
import { loadFlows } from "./test";

const HELP = `Type to talk to the bot. Pick a button or quick reply by its number or its title.
  /wait      fast-forward: fire delays and question time-outs now
  /resume    hand the conversation back to the bot after a handover
  /vars      show variables, contact fields and tags
  /restart   start over as a new contact
  /quit      leave
`;

const HTTP_TIMEOUT_MS = 5_000;

/**
 * `convo chat <flow.json> [--offline]`: a conversation with a flow in the terminal. HTTP steps are
 * really performed here (GET/POST with a 5 s time-out), never by the engine; `--offline` answers
 * them as failures instead. `{{secrets.*}}` stay unfilled: the CLI knows no secrets.
 */
export async function runChat(args: readonly string[]): Promise<number> {
  const offline = args.includes("--offline");
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at === -1 ? undefined : args[at + 1];
  };
  const locale = option("--locale") ?? envLocale() ?? "en_GB";
  const firstName = option("--name") ?? "You";
  const file = args.find(
    (a, i) => !a.startsWith("--") && !["--locale", "--name"].includes(args[i - 1] ?? ""),
  );
  if (!file) {
    process.stderr.write(
      "usage: convo chat <flow.json> [--offline] [--locale fr_FR] [--name Zoé]\n",
    );
    return 2;
  }
  const loaded = loadFlows(file);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    return 1;
  }
  const conversation = new Conversation({
    flows: loaded.flows,
    flowId: loaded.flow.id,
    contact: { fields: { first_name: firstName, locale }, tags: [] },
    now: Date.now(),
  });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  let offered: Tappable[] = [];

  /** Prints what the bot did, performs its HTTP requests, and keeps the numbered choices. */
  const show = async (actions: EngineAction[]): Promise<void> => {
    for (const line of describeActions(actions)) {
      if (line === "(end)") out("  · (the conversation ended; write again to start over)");
      else out(line.startsWith("(") ? `  · ${line}` : `bot: ${line}`);
    }
    const sends = actions.flatMap((a) => (a.type === "send" ? [a.message] : []));
    if (sends.length > 0) {
      offered = sends.flatMap(tappables);
      offered.forEach((t, i) => {
        const kind =
          t.kind === "button" && t.button.kind !== "postback" ? ` (${t.button.kind})` : "";
        out(`  [${i + 1}] ${tappableTitle(t)}${kind}`);
      });
    }
    while (conversation.pendingHttp.length > 0) {
      const request = conversation.pendingHttp[0]?.request as HttpRequest;
      const result = offline ? { ok: false, error: "offline" } : await perform(request);
      out(
        `  · HTTP ${result.ok ? "answered" : "failed"}${"status" in result && result.status ? ` (${result.status})` : ""}${"error" in result && result.error ? `: ${result.error}` : ""}`,
      );
      await show(conversation.answerHttp(result));
    }
  };

  out(
    `Talking to "${loaded.flow.name}" (${loaded.flows.length} flow(s) loaded). /help for commands.`,
  );
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
  });
  try {
    for await (const raw of rl) {
      const line = raw.trim();
      if (line === "") continue;
      if (line === "/quit" || line === "/exit") break;
      if (line === "/help") out(HELP);
      else if (line === "/restart") {
        conversation.restart();
        offered = [];
        out("  · (new contact)");
      } else if (line === "/vars") {
        out(
          JSON.stringify(
            {
              variables: conversation.session.variables,
              fields: conversation.contact.fields,
              tags: conversation.contact.tags,
            },
            null,
            2,
          ),
        );
      } else if (line === "/wait") {
        await show(conversation.fastForward());
      } else if (line === "/resume") {
        await show(conversation.handle({ type: "resume" }));
      } else {
        const byNumber = /^\d+$/.test(line) ? offered[Number(line) - 1] : undefined;
        const pick = byNumber ?? conversation.findTappable(line);
        if (pick && pick.kind === "button" && pick.button.kind !== "postback") {
          out(
            `  · (${pick.button.kind} button: ${pick.button.kind === "url" ? pick.button.url : pick.button.phone})`,
          );
        } else if (pick) {
          out(`you: ${tappableTitle(pick)}`);
          await show(conversation.tap(pick));
        } else {
          await show(conversation.say(line));
        }
      }
      conversation.now = Math.max(conversation.now, Date.now());
    }
  } finally {
    rl.close();
  }
  return 0;
}

/** `fr_FR` from `LANG=fr_FR.UTF-8`; nothing from `C` or `POSIX`. */
function envLocale(): string | undefined {
  const lang = process.env.LANG?.split(".")[0];
  return lang && /^[a-z]{2}_[A-Z]{2}$/.test(lang) ? lang : undefined;
}

async function perform(
  request: HttpRequest,
): Promise<{ ok: boolean; status?: number; body?: unknown; error?: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.min(request.timeoutMs, HTTP_TIMEOUT_MS));
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers.map((h) => [h.name, h.value] as [string, string]),
      body: request.body,
      signal: controller.signal,
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: mappings see the text.
    }
    return { ok: response.ok, status: response.status, body };
  } catch (error) {
    return {
      ok: false,
      error: controller.signal.aborted
        ? "timeout"
        : error instanceof Error
          ? error.message
          : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}
