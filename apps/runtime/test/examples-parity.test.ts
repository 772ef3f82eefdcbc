/**
 * What a marketer sees in the editor's simulator is what customers get, on every channel: every
 * example's conversation script is played twice per channel, through the simulator core in process
 * (the channel chosen, each message as the channel shows it) and through the real runtime (signed
 * webhooks in as Messenger, Instagram or WhatsApp send them, the emulators out), and the bot's
 * replies (texts, buttons, quick replies) must be the same, turn by turn. The flows of
 * `parity-flows/` are played too: they show what no example does (a WhatsApp list message).
 */
import { createHmac } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OutMessage, parseDuration, parseScript, type Script } from "@convo/engine";
import { type Flow, parseFlowJson } from "@convo/flow";
import { EXAMPLES_DIR, exampleIds, exampleText } from "@convo/flow/testing/examples";
import type { GraphEmulator } from "@convo/messenger";
import { CHANNEL_SPECS, type ChannelId, previewOn } from "@convo/messenger/channel";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type HttpOutcome, Simulator } from "../../editor/src/simulator/simulator";
import { type RunningAiEmulator, startAiEmulator } from "../src/ai/emulator";
import { loadConfig } from "../src/config";
import { createRuntime, type Runtime } from "../src/runtime";
import { TOKEN } from "./helpers";
import { APP_SECRET, PAGE_TOKEN, waitFor } from "./messenger";
import { IG_ACCOUNT, IG_TOKEN, startMeta, WA_PHONE_ID, WA_SECRET, WA_TOKEN, waSent } from "./meta";
import {
  type ChannelDriver,
  type Choice,
  callsAbout,
  instagramDriver,
  messengerDriver,
  whatsappDriver,
} from "./parity-drivers";

const SHOP = "https://shop.example.com/api/";

/**
 * Flows played beside the examples, each with its script, for what no example shows: five
 * choices, which WhatsApp sends as a list message and answers with `list_reply`.
 */
const PARITY_FLOWS_DIR = join(import.meta.dirname, "parity-flows");

/** The folders of the flows played, each flow `<id>.json` beside its `<id>.conversation.yaml`. */
const FLOW_DIRS = [EXAMPLES_DIR, PARITY_FLOWS_DIR];
const scriptIdsIn = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".conversation.yaml"))
    .map((name) => name.replace(".conversation.yaml", ""));
const dirOf = (flowId: string) =>
  FLOW_DIRS.find((dir) => existsSync(join(dir, `${flowId}.json`))) ?? EXAMPLES_DIR;

/** A turn's replies as a customer sees them: the text (or media, or cards) and what can be tapped. */
type Reply = { text: string; buttons: string[]; quickReplies: string[] };

/**
 * WhatsApp shows quick replies as reply buttons or list rows, read back as buttons: there the two
 * are one list of choices, in the order sent.
 */
function replyOn(channel: ChannelId, m: OutMessage): Reply {
  const r = reply(m);
  return channel === "whatsapp"
    ? { text: r.text, buttons: [...r.buttons, ...r.quickReplies], quickReplies: [] }
    : r;
}

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

let meta: Awaited<ReturnType<typeof startMeta>>;
/** The brand's model: the AI emulator, configured as the provider (the channels are live). */
let model: RunningAiEmulator;
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

/** The runtime's configuration: every channel connected to the emulators, the shop and the model. */
function runtimeEnv(dataDir: string): Record<string, string> {
  return {
    CONVO_DB: join(dataDir, "convo.db"),
    PORT: "0",
    HOST: "127.0.0.1",
    CONVO_ADMIN_TOKEN: TOKEN,
    CONVO_LOG_LEVEL: "silent",
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: meta.url,
    INSTAGRAM_ACCOUNT_ID: IG_ACCOUNT,
    WHATSAPP_PHONE_NUMBER_ID: WA_PHONE_ID,
    WHATSAPP_TOKEN: WA_TOKEN,
    WHATSAPP_APP_SECRET: WA_SECRET,
    CONVO_ALLOW_PRIVATE_HTTP: "1",
    CONVO_AI_BASE_URL: model.baseUrl,
    CONVO_AI_API_KEY: model.apiKey,
  };
}

beforeAll(async () => {
  shop = createServer((_request, response) => {
    const answer = answers.shift() ?? { ok: false, status: 500 };
    response.writeHead(answer.status ?? 500, { "content-type": "application/json" });
    response.end(JSON.stringify(answer.body ?? {}));
  });
  await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}/api/`;

  // The examples and the parity flows as published, with the shop's API pointed at the local one.
  const texts = [
    ...exampleIds().map((id) => exampleText(id)),
    ...scriptIdsIn(PARITY_FLOWS_DIR).map((id) =>
      readFileSync(join(PARITY_FLOWS_DIR, `${id}.json`), "utf8"),
    ),
  ].map((text) => text.replaceAll(SHOP, shopUrl));
  flows = texts.map((text) => {
    const parsed = parseFlowJson(text);
    if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
    return parsed.flow;
  });

  meta = await startMeta();
  model = await startAiEmulator();
  dir = mkdtempSync(join(tmpdir(), "convo-parity-"));
  const config = loadConfig(runtimeEnv(dir), join(dir, ".env"));
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
  await meta?.close();
  await model?.close();
  await new Promise((resolve) => shop?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// ───────────────────────── the script, turn by turn, on each path ─────────────────────────

function loadScript(flowId: string): Script {
  const parsed = parseScript(
    parse(readFileSync(join(dirOf(flowId), `${flowId}.conversation.yaml`), "utf8")),
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

/**
 * The script through the simulator: the replies per move, and the moves played. On a channel
 * that tells less of the contact (no locale on WhatsApp and Instagram), a script's French part
 * offers English choices: the script is played up to the first choice it cannot tap there.
 */
async function throughSimulator(
  driver: ChannelDriver,
  flowId: string,
  script: Script,
): Promise<{ turns: Turn[]; played: Script }> {
  answers = httpAnswers(script);
  const spec = CHANNEL_SPECS[driver.channel];
  const sim = new Simulator({
    flows: [...flows].sort((a, b) => Number(b.id === flowId) - Number(a.id === flowId)),
    flowId,
    channel: driver.channel,
    // What the runtime learns of the contact on this channel (WhatsApp: a name, no locale).
    contact: { fields: driver.known(contactFields(script)) },
    // As in the editor: HTTP steps are carried out by the runtime (POST /api/simulator/http),
    // which calls the same local shop, with the same rules as for live contacts.
    performHttp: async (request) => {
      const answer = await api("POST", "/api/simulator/http", request);
      expect(answer.status).toBe(200);
      const { ok, status, body, error } = answer.json;
      return { ok, ...(status === null ? {} : { status }), body, ...(error ? { error } : {}) };
    },
    // AI steps too (POST /api/simulator/ai): the same provider as for live contacts.
    performAi: async (request) => (await api("POST", "/api/simulator/ai", request)).json,
  });
  const turns: Turn[] = [];
  const played: Script["turns"] = [];
  for (const turn of script.turns) {
    if ("expect" in turn || "http" in turn) {
      played.push(turn);
      continue;
    }
    const before = sim.getState().entries.length;
    if ("say" in turn) await sim.say(turn.say);
    else if ("tap" in turn) {
      const wanted = turn.tap.trim().toLowerCase();
      const found = sim
        .getState()
        .offered.findLast(
          (t) => (t.kind === "button" ? t.button.title : t.reply.title).toLowerCase() === wanted,
        );
      // Offered by a message the channel would not deliver (outside its window) or in a
      // language the channel's contact does not get: the script stops there on this channel.
      const delivered = sim
        .getState()
        .entries.some(
          (e) =>
            e.from === "bot" &&
            !e.outsideWindow &&
            found !== undefined &&
            JSON.stringify(e.message).includes(
              JSON.stringify(found.kind === "button" ? found.button.title : found.reply.title),
            ),
        );
      if ((!found || !delivered) && driver.channel !== "messenger") break;
      if (!found) throw new Error(`simulator: nothing titled "${turn.tap}" to tap`);
      await sim.tap(found);
    } else if ("postback" in turn) await sim.postback(turn.postback);
    else if ("referral" in turn) await sim.referral(turn.referral);
    else if ("event" in turn) await sim.event(turn.event.name, turn.event.data);
    else if ("wait" in turn) await sim.wait(parseDuration(turn.wait) ?? 0);
    else if ("resume" in turn) await sim.resume();
    else if ("restart" in turn)
      sim.restart(
        turn.restart === true ? driver.known(contactFields(script)) : driver.known(turn.restart),
      );
    else throw new Error(`no way to play ${label(turn)}`);
    const replies = sim
      .getState()
      .entries.slice(before)
      // What the channel would refuse (past the 24-hour window), the runtime parks: not a reply.
      .flatMap((e) => (e.from === "bot" && !e.outsideWindow ? [e.message] : []))
      .flatMap((m) => {
        const shown = previewOn(spec, m);
        if (!shown.ok)
          throw new Error(`simulator: ${spec.name} refuses ${label(m)}: ${shown.message}`);
        return shown.messages.map((one) => replyOn(driver.channel, one));
      });
    turns.push({ label: label(turn), replies });
    played.push(turn);
  }
  return { turns, played: { ...script, turns: played } };
}

/** The choice titled `wanted` among what the channel's messages offer, the latest first. */
function findChoice(messages: OutMessage[], wanted: string): Choice | undefined {
  const title = wanted.trim().toLowerCase();
  const quick = (messages.at(-1)?.quickReplies ?? []).find(
    (q) => q.kind === "text" && q.title.toLowerCase() === title,
  );
  if (quick?.kind === "text")
    return { kind: "quick_reply", payload: quick.payload, title: quick.title };
  const button = messages
    .flatMap((m) =>
      m.kind === "text"
        ? (m.buttons ?? [])
        : m.kind === "cards"
          ? m.cards.flatMap((c) => c.buttons ?? [])
          : [],
    )
    .findLast((b) => b.kind === "postback" && b.title.toLowerCase() === title);
  return button?.kind === "postback"
    ? { kind: "postback", payload: button.payload, title: button.title }
    : undefined;
}

async function throughRuntime(
  driver: ChannelDriver,
  script: Script,
  expected: Turn[],
): Promise<Turn[]> {
  answers = httpAnswers(script);
  let contact = driver.newContact(++contacts, contactFields(script));
  const ok = async (response: Promise<Response>) => expect((await response).status).toBe(200);
  const turns: Turn[] = [];
  let seen = 0;
  for (const turn of script.turns) {
    if ("expect" in turn || "http" in turn) continue;
    if ("say" in turn) await ok(driver.say(contact, turn.say));
    else if ("tap" in turn) {
      const choice = findChoice(driver.sent(contact), turn.tap);
      if (!choice) throw new Error(`runtime: nothing titled "${turn.tap}" to tap`);
      await ok(driver.tap(contact, choice));
    } else if ("postback" in turn && driver.postback)
      await ok(driver.postback(contact, turn.postback));
    else if ("referral" in turn && driver.referral)
      await ok(driver.referral(contact, turn.referral));
    else if ("event" in turn) {
      // The brand's system, through the events API (the admin token is an owner-level key).
      const { name, data } = turn.event;
      const posted = await api("POST", "/api/events", {
        event: name,
        contact: { channel: driver.channel, id: contact },
        data,
      });
      expect(posted.status, JSON.stringify(posted.json)).toBe(202);
    } else if ("wait" in turn) {
      offset += parseDuration(turn.wait) ?? 0;
      runtime.deps.wake.timers();
    } else if ("resume" in turn) {
      expect((await api("POST", `/api/contacts/${driver.apiId(contact)}/resume`)).status).toBe(200);
    } else if ("restart" in turn) {
      contact = driver.newContact(
        ++contacts,
        turn.restart === true ? contactFields(script) : turn.restart,
      );
      seen = 0;
    } else throw new Error(`no way to play ${label(turn)} on ${driver.channel}`);

    // As many replies as the simulator gave (more would show up as the next turn's).
    const want = expected[turns.length]?.replies.length ?? 0;
    const target = contact;
    const from = seen;
    const messages = await waitFor(
      () => {
        const all = driver.sent(target);
        return all.length >= from + want ? all : undefined;
      },
      `${want} replies to ${label(turn)} on ${driver.channel}`,
    ).catch(async (e) => {
      const parked = (await api("GET", "/api/outbox/parked")).json.parked;
      throw new Error(`${e}; parked: ${JSON.stringify(parked)}`);
    });
    turns.push({
      label: label(turn),
      replies: messages.slice(from, from + want).map((m) => replyOn(driver.channel, m)),
    });
    seen = from + want;
  }
  // Nothing more came after the last turn.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(
    driver
      .sent(contact)
      .slice(seen)
      .map((m) => replyOn(driver.channel, m)),
  ).toEqual([]);
  return turns;
}
let contacts = 0;

/** The examples whose every conversation opens from a link's ref (checkout, booking), per channel. */
const OPENED_BY_LINKS: Record<ChannelId, string[]> = {
  messenger: [],
  instagram: [],
  whatsapp: ["order-updates", "trip-updates"],
};

/**
 * The script as the channel can play it. A conversation (up to the next `restart`) that opens
 * with a move the channel lacks (WhatsApp has no Get Started button and no m.me ref) is left
 * out; a move it lacks later in a conversation is left out on both paths, which go on from the
 * same state.
 */
function onChannel(driver: ChannelDriver, script: Script): Script {
  const lacks = (t: Script["turns"][number]) =>
    ("postback" in t && !driver.postback) || ("referral" in t && !driver.referral);
  const moves = (t: Script["turns"][number]) => !("expect" in t || "http" in t);
  const conversations: Script["turns"][] = [[]];
  for (const turn of script.turns) {
    if ("restart" in turn) conversations.push([]);
    conversations.at(-1)?.push(turn);
  }
  const turns = conversations.flatMap((c) => {
    const opening = c.find((t) => moves(t) && !("restart" in t));
    return opening && lacks(opening) ? [] : c.filter((t) => !lacks(t));
  });
  return { ...script, turns };
}

describe("the simulator and the runtime answer every example the same, on every channel", () => {
  const ids = FLOW_DIRS.flatMap(scriptIdsIn).sort();
  const drivers = (): ChannelDriver[] => [
    messengerDriver(meta, url),
    instagramDriver(meta, url),
    whatsappDriver(meta, url),
  ];
  const cases = ids.flatMap((id) =>
    (["messenger", "instagram", "whatsapp"] as const).map((channel) => [id, channel] as const),
  );

  it.each(cases)("%s on %s", { timeout: 60_000 }, async (flowId, channel) => {
    const driver = tracked(drivers().find((d) => d.channel === channel) as ChannelDriver);
    const script = onChannel(driver, loadScript(flowId));
    if (!script.turns.some((t) => !("expect" in t || "http" in t || "restart" in t))) {
      // Every conversation of the script opens with a link's ref: not a WhatsApp move.
      expect(OPENED_BY_LINKS[channel]).toContain(flowId);
      return;
    }
    const { turns: simulated, played } = await throughSimulator(driver, flowId, script);
    // Every HTTP answer of the script was asked for: the requests really reached the shop.
    expect(answers).toEqual([]);
    // The script says something on most turns: a comparison of two silences would prove nothing.
    // Elsewhere than on Messenger, updates outside the window are held back (Instagram takes no
    // update tag; WhatsApp wants a template), so fewer turns get an answer.
    expect(simulated.filter((t) => t.replies.length > 0).length).toBeGreaterThan(
      channel === "messenger" ? 2 : 0,
    );
    const live = await throughRuntime(driver, played, simulated);
    expect(answers).toEqual([]);
    for (let i = 0; i < simulated.length; i++) {
      expect(live[i], `turn ${i + 1}: ${simulated[i]?.label}`).toEqual(simulated[i]);
    }
    if (
      channel === "whatsapp" &&
      simulated.some((t) => t.replies.some((r) => r.buttons.length > 3))
    ) {
      // More than 3 choices went out as a list message (so a tap on them was a `list_reply`).
      const lists = [...driver.ids].flatMap((id) =>
        waSent(meta.whatsapp, id).filter(
          (body) => (body as { interactive?: { type?: string } }).interactive?.type === "list",
        ),
      );
      expect(lists.length).toBeGreaterThan(0);
    }
    if (channel === "instagram") {
      // No INSTAGRAM_TOKEN: the account is linked to the Page, and its calls carry the Page token.
      expectCallsWith(meta.graph, driver.ids, PAGE_TOKEN);
      expect(callsAbout(meta.instagram, driver.ids)).toEqual([]);
    }
  });

  it("sends Instagram's replies with INSTAGRAM_TOKEN when it is set", {
    timeout: 60_000,
  }, async () => {
    // A runtime of its own, with the account's token, on the same Meta; the helpers talk to it.
    const [pageRuntime, pageUrl] = [runtime, url];
    const own = mkdtempSync(join(tmpdir(), "convo-parity-ig-"));
    runtime = await createRuntime({
      config: loadConfig({ ...runtimeEnv(own), INSTAGRAM_TOKEN: IG_TOKEN }, join(own, ".env")),
      now: () => Date.now() + offset,
      retryBaseMs: 20,
    });
    try {
      ({ url } = await runtime.start());
      const text = exampleText("welcome");
      const imported = await api("POST", "/api/flows/import?overwrite=1", text);
      expect((await api("POST", `/api/flows/${imported.json.id}/publish`, {})).status).toBe(201);
      const driver = tracked(instagramDriver(meta, url, meta.instagram));
      const script = onChannel(driver, loadScript("welcome"));
      const { turns: simulated, played } = await throughSimulator(driver, "welcome", script);
      expect(simulated.some((t) => t.replies.length > 0)).toBe(true);
      expect(await throughRuntime(driver, played, simulated)).toEqual(simulated);
      expectCallsWith(meta.instagram, driver.ids, IG_TOKEN);
      expect(callsAbout(meta.graph, driver.ids)).toEqual([]);
    } finally {
      await runtime.stop();
      [runtime, url] = [pageRuntime, pageUrl];
      rmSync(own, { recursive: true, force: true });
    }
  });
});

/** The driver, keeping the ids of the contacts it made (to find the calls made about them). */
function tracked(driver: ChannelDriver): ChannelDriver & { ids: Set<string> } {
  const ids = new Set<string>();
  return {
    ...driver,
    ids,
    newContact(n, fields) {
      const id = driver.newContact(n, fields);
      ids.add(id);
      return id;
    },
  };
}

/** Every call about the contacts reached `emulator` with `token` and its appsecret_proof. */
function expectCallsWith(emulator: GraphEmulator, ids: ReadonlySet<string>, token: string) {
  const calls = callsAbout(emulator, ids);
  expect(calls.some((c) => c.path.endsWith("/me/messages"))).toBe(true);
  const proof = createHmac("sha256", APP_SECRET).update(token).digest("hex");
  for (const call of calls) expect(call, call.path).toMatchObject({ token, proof });
}
