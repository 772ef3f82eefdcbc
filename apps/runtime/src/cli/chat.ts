import { createInterface } from "node:readline/promises";
import {
  type AiRequest,
  Conversation,
  describeActions,
  type EngineAction,
  type HttpRequest,
  type Tappable,
  tappables,
  tappableTitle,
} from "@convo/engine";
import { CHANNELS } from "@convo/messenger";
import { type HttpOutcome, performHttp } from "../pipeline/http-action";
import { emulatedModel } from "./emulated-model";
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
 * really performed here (with a 5 s time-out), never by the engine; `--offline` answers them as
 * failures instead.
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
    limits: CHANNELS.messenger.limits,
  });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  let offered: Tappable[] = [];
  const model = emulatedModel();

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
      const result: HttpOutcome = offline
        ? { ok: false, error: "offline" }
        : await perform(request);
      const status = result.status === undefined ? "" : ` (${result.status})`;
      const error = result.error === undefined ? "" : `: ${result.error}`;
      out(`  · HTTP ${result.ok ? "answered" : "failed"}${status}${error}`);
      await show(conversation.answerHttp(result));
    }
    while (conversation.pendingAi.length > 0) {
      const request = conversation.pendingAi[0]?.request as AiRequest;
      const result = await model.ask(request);
      const said = !result.ok
        ? `failed: ${result.error}`
        : request.task === "intent"
          ? `${result.intent ?? "else"} (${Math.round((result.confidence ?? 0) * 100)} %)`
          : result.unsure
            ? "unsure"
            : "answered";
      out(`  · AI emulator: ${said}`);
      await show(conversation.answerAi(result));
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
  const prompt = () => {
    if (process.stdin.isTTY) rl.prompt();
  };
  rl.setPrompt("you> ");
  prompt();
  try {
    for await (const raw of rl) {
      const line = raw.trim();
      if (line === "") {
        prompt();
        continue;
      }
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
        // A number or a title picks one of the choices just offered; anything else is typed text.
        const byNumber = /^\d+$/.test(line) ? offered[Number(line) - 1] : undefined;
        const wanted = line.toLowerCase();
        const pick =
          byNumber ?? offered.find((t) => tappableTitle(t).trim().toLowerCase() === wanted);
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
      prompt();
    }
  } finally {
    rl.close();
    await model.close();
  }
  return 0;
}

/** `fr_FR` from `LANG=fr_FR.UTF-8`; nothing from `C` or `POSIX`. */
function envLocale(): string | undefined {
  const lang = process.env.LANG?.split(".")[0];
  return lang && /^[a-z]{2}_[A-Z]{2}$/.test(lang) ? lang : undefined;
}

/**
 * Really performs a flow's HTTP step with the runtime's own client (size cap, http(s) only),
 * within 5 s. `{{secrets.NAME}}` come from `CONVO_SECRET_NAME` variables. Local addresses are
 * allowed: this is a developer talking to their own test API.
 */
function perform(request: HttpRequest): Promise<HttpOutcome> {
  const secrets: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith("CONVO_SECRET_") && value !== undefined) {
      secrets[key.slice("CONVO_SECRET_".length)] = value;
    }
  }
  return performHttp(request, { allowPrivate: true, secrets, maxTimeoutMs: HTTP_TIMEOUT_MS });
}
