/**
 * What a marketer sees in the editor's simulator is what customers get: every example's
 * conversation script is played twice, through the simulator core in process and through the real
 * runtime (signed webhooks in, the Graph API emulator out), and the bot's replies (texts, buttons,
 * quick replies) must be the same, turn by turn.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OutMessage, parseDuration, parseScript, type Script } from "@convo/engine";
import { type Flow, parseFlowJson } from "@convo/flow";
import { EXAMPLES_DIR, exampleIds, examplePath, exampleText } from "@convo/flow/testing/examples";
import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { readSendBody } from "@convo/messenger/render";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type HttpOutcome, Simulator } from "../../editor/src/simulator/simulator";
import { loadConfig } from "../src/config";
import { createRuntime, type Runtime } from "../src/runtime";
import { TOKEN } from "./helpers";
import {
  APP_SECRET,
  PAGE_TOKEN,
  postbackItem,
  postWebhook,
  quickReplyItem,
  referralItem,
  textItem,
  waitFor,
  webhookBody,
} from "./messenger";

const SHOP = "https://shop.example.com/api/";

/** A turn's replies as a customer sees them: the text (or media, or cards) and what can be tapped. */
type Reply = { text: string; buttons: string[]; quickReplies: string[] };

function reply(m: OutMessage): Reply {
  const quickReplies = (m.quickReplies ?? []).map((q) => (q.kind === "text" ? q.title : q.kind));
  if (m.kind === "text") {
    return { text: m.text, buttons: (m.buttons ?? []).map((b) => b.title), quickReplies };
  }
  if (m.kind === "media") return { text: `[${m.mediaType}] ${m.url}`, buttons: [], quickReplies };
  return {
    text: m.cards.map((c) => `${c.title} / ${c.subtitle ?? ""}`).join(" | "),
    buttons: m.cards.flatMap((c) => (c.buttons ?? []).map((b) => b.title)),
    quickReplies,
  };
}

// ───────────────────────── the world both paths share ─────────────────────────

/** The shop's order API, played locally: it answers with the script's `http` turns, in order. */
let shop: Server;
let shopUrl: string;
let answers: HttpOutcome[] = [];

let graph: RunningGraphEmulator;
let runtime: Runtime;
let url: string;
let dir: string;
/** The runtime's clock runs ahead of the real one by this much (`wait` turns). */
let offset = 0;
let flows: Flow[];

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  shop = createServer((_request, response) => {
    const answer = answers.shift() ?? { ok: false, status: 500 };
    response.writeHead(answer.status ?? 500, { "content-type": "application/json" });
    response.end(JSON.stringify(answer.body ?? {}));
  });
  await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}/api/`;

  // The examples as published, with the shop's API pointed at the local one.
  const texts = exampleIds().map((id) => exampleText(id).replaceAll(SHOP, shopUrl));
  flows = texts.map((text) => {
    const parsed = parseFlowJson(text);
    if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
    return parsed.flow;
  });

  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  dir = mkdtempSync(join(tmpdir(), "convo-parity-"));
  const config = loadConfig(
    {
      CONVO_DB: join(dir, "convo.db"),
      PORT: "0",
      HOST: "127.0.0.1",
      CONVO_ADMIN_TOKEN: TOKEN,
      CONVO_LOG_LEVEL: "silent",
      MESSENGER_APP_SECRET: APP_SECRET,
      MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
      GRAPH_API_URL: graph.url,
      CONVO_ALLOW_PRIVATE_HTTP: "1",
    },
    join(dir, ".env"),
  );
  runtime = await createRuntime({ config, now: () => Date.now() + offset, retryBaseMs: 20 });
  ({ url } = await runtime.start());
  for (const text of texts) {
    const imported = await api("POST", "/api/flows/import?overwrite=1", text);
    expect(imported.status).toBe(201);
    const published = await api("POST", `/api/flows/${imported.json.id}/publish`, {});
    expect(published.status).toBe(201);
  }
});

afterAll(async () => {
  await runtime?.stop();
  await graph?.close();
  await new Promise((resolve) => shop?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// ───────────────────────── the script, turn by turn, on each path ─────────────────────────

function loadScript(flowId: string): Script {
  const parsed = parseScript(
    parse(readFileSync(examplePath(`${flowId}.conversation.yaml`), "utf8")),
  );
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  return parsed.script;
}

function contactFields(script: Script): Record<string, string> {
  const contact = script.contact;
  if (!contact) return {};
  if ("fields" in contact && typeof contact.fields === "object") return { ...contact.fields };
  return Object.fromEntries(Object.entries(contact).map(([k, v]) => [k, String(v)]));
}

/** The script's HTTP answers, in order: the shop's API gives them to whoever asks. */
function httpAnswers(script: Script): HttpOutcome[] {
  return script.turns.flatMap((turn) => {
    if (!("http" in turn)) return [];
    const { status, body, error } = turn.http;
    return [{ ok: status !== undefined && status < 400, status: status ?? 500, body, error }];
  });
}

type Turn = { label: string; replies: Reply[] };
const label = (turn: object) => JSON.stringify(turn);

async function throughSimulator(flowId: string, script: Script): Promise<Turn[]> {
  answers = httpAnswers(script);
  const sim = new Simulator({
    flows: [...flows].sort((a, b) => Number(b.id === flowId) - Number(a.id === flowId)),
    flowId,
    contact: { fields: contactFields(script) },
    // As in the editor: HTTP steps are carried out by the runtime (POST /api/simulator/http),
    // which calls the same local shop, with the same rules as for live contacts.
    performHttp: async (request) => {
      const answer = await api("POST", "/api/simulator/http", request);
      expect(answer.status).toBe(200);
      const { ok, status, body, error } = answer.json;
      return { ok, ...(status === null ? {} : { status }), body, ...(error ? { error } : {}) };
    },
  });
  const turns: Turn[] = [];
  for (const turn of script.turns) {
    if ("expect" in turn || "http" in turn) continue;
    const before = sim.getState().entries.length;
    if ("say" in turn) await sim.say(turn.say);
    else if ("tap" in turn) {
      const wanted = turn.tap.trim().toLowerCase();
      const found = sim
        .getState()
        .offered.findLast(
          (t) => (t.kind === "button" ? t.button.title : t.reply.title).toLowerCase() === wanted,
        );
      if (!found) throw new Error(`simulator: nothing titled "${turn.tap}" to tap`);
      await sim.tap(found);
    } else if ("postback" in turn) await sim.postback(turn.postback);
    else if ("referral" in turn) await sim.referral(turn.referral);
    else if ("event" in turn) await sim.event(turn.event.name, turn.event.data);
    else if ("wait" in turn) await sim.wait(parseDuration(turn.wait) ?? 0);
    else if ("resume" in turn) await sim.resume();
    else if ("restart" in turn) sim.restart(turn.restart === true ? undefined : turn.restart);
    else throw new Error(`no way to play ${label(turn)}`);
    const replies = sim
      .getState()
      .entries.slice(before)
      // What Messenger would refuse (past the 24-hour window), the runtime parks: not a reply.
      .flatMap((e) => (e.from === "bot" && !e.outsideWindow ? [reply(e.message)] : []));
    turns.push({ label: label(turn), replies });
  }
  return turns;
}

/** The messages the emulator accepted for a contact, as the phone would show them. */
function sentTo(psid: string): OutMessage[] {
  return graph.calls.flatMap((call) => {
    const body = call.body as { recipient?: { id?: string } } | undefined;
    if (!call.path.endsWith("/me/messages") || call.status !== 200) return [];
    if (body?.recipient?.id !== psid) return [];
    const read = readSendBody(body);
    return read.kind === "message" ? [read.message] : [];
  });
}

async function throughRuntime(flowId: string, script: Script, expected: Turn[]): Promise<Turn[]> {
  answers = httpAnswers(script);
  let contacts = 0;
  const newContact = (fields: Record<string, string>) => {
    const psid = `${flowId}-${++contacts}`;
    graph.profiles.set(psid, {
      first_name: fields.first_name ?? "",
      last_name: fields.last_name ?? "",
      locale: fields.locale ?? "en_US",
    });
    return psid;
  };
  let psid = newContact(contactFields(script));
  const post = async (item: Record<string, unknown>) => {
    const response = await postWebhook(url, webhookBody([item]));
    expect(response.status).toBe(200);
  };
  const turns: Turn[] = [];
  let seen = 0;
  for (const turn of script.turns) {
    if ("expect" in turn || "http" in turn) continue;
    if ("say" in turn) await post(textItem(psid, turn.say));
    else if ("tap" in turn) {
      const wanted = turn.tap.trim().toLowerCase();
      const messages = sentTo(psid);
      const last = messages.at(-1);
      const quick = (last?.quickReplies ?? []).find(
        (q) => q.kind === "text" && q.title.toLowerCase() === wanted,
      );
      const button = messages
        .flatMap((m) =>
          m.kind === "text"
            ? (m.buttons ?? [])
            : m.kind === "cards"
              ? m.cards.flatMap((c) => c.buttons ?? [])
              : [],
        )
        .findLast((b) => b.kind === "postback" && b.title.toLowerCase() === wanted);
      if (quick?.kind === "text") await post(quickReplyItem(psid, quick.payload, quick.title));
      else if (button?.kind === "postback")
        await post(postbackItem(psid, button.payload, button.title));
      else throw new Error(`runtime: nothing titled "${turn.tap}" to tap`);
    } else if ("postback" in turn) await post(postbackItem(psid, turn.postback));
    else if ("referral" in turn) await post(referralItem(psid, turn.referral));
    else if ("event" in turn) {
      // The brand's system, through the events API (the admin token is an owner-level key).
      const { name, data } = turn.event;
      const posted = await api("POST", "/api/events", { event: name, contact: { id: psid }, data });
      expect(posted.status, JSON.stringify(posted.json)).toBe(202);
    } else if ("wait" in turn) {
      offset += parseDuration(turn.wait) ?? 0;
      runtime.deps.wake.timers();
    } else if ("resume" in turn) {
      expect((await api("POST", `/api/contacts/${psid}/resume`)).status).toBe(200);
    } else if ("restart" in turn) {
      psid = newContact(turn.restart === true ? contactFields(script) : turn.restart);
      seen = 0;
    } else throw new Error(`no way to play ${label(turn)}`);

    // As many replies as the simulator gave (more would show up as the next turn's).
    const want = expected[turns.length]?.replies.length ?? 0;
    const target = psid;
    const from = seen;
    const messages = await waitFor(
      () => {
        const all = sentTo(target);
        return all.length >= from + want ? all : undefined;
      },
      `${want} replies to ${label(turn)}`,
    ).catch(async (e) => {
      const parked = (await api("GET", "/api/outbox/parked")).json.parked;
      throw new Error(`${e}; parked: ${JSON.stringify(parked)}`);
    });
    turns.push({ label: label(turn), replies: messages.slice(from, from + want).map(reply) });
    seen = from + want;
  }
  // Nothing more came after the last turn.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(sentTo(psid).slice(seen).map(reply)).toEqual([]);
  return turns;
}

describe("the simulator and the runtime answer every example the same", () => {
  const ids = readdirSync(EXAMPLES_DIR)
    .filter((name) => name.endsWith(".conversation.yaml"))
    .map((name) => name.replace(".conversation.yaml", ""))
    .sort();

  it.each(ids.map((id) => [id]))("%s", { timeout: 60_000 }, async (flowId) => {
    const script = loadScript(flowId);
    const simulated = await throughSimulator(flowId, script);
    // Every HTTP answer of the script was asked for: the requests really reached the shop.
    expect(answers).toEqual([]);
    // The script says something on most turns: a comparison of two silences would prove nothing.
    expect(simulated.filter((t) => t.replies.length > 0).length).toBeGreaterThan(2);
    const live = await throughRuntime(flowId, script, simulated);
    expect(answers).toEqual([]);
    for (let i = 0; i < simulated.length; i++) {
      expect(live[i], `turn ${i + 1}: ${simulated[i]?.label}`).toEqual(simulated[i]);
    }
  });
});
