import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntime, type TestRuntime } from "./helpers";
import {
  APP_SECRET,
  messageText,
  PAGE_TOKEN,
  postWebhook,
  quickReplyItem,
  sentMessages,
  textItem,
  waitFor,
  webhookBody,
} from "./messenger";

/**
 * One flow in French and English, end to end: the Messenger profile's locale picks the language,
 * and a contact who chooses English in the menu (a "set language" step) gets English thereafter,
 * the choice kept on the contact across conversations.
 */

const node = (id: string, type: string, data: unknown) => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data,
});

const bilingual = {
  schemaVersion: 2,
  id: "hello",
  name: "Hello",
  languages: ["fr", "en"],
  variables: [],
  nodes: [
    node("start", "trigger", {
      triggers: [
        {
          kind: "keyword",
          match: "contains",
          keywords: ["bonjour"],
          translations: { en: { keywords: ["hello"] } },
        },
      ],
    }),
    node("menu", "message", {
      content: [
        {
          id: "t",
          kind: "text",
          text: "Bonjour {{contact.first_name}} ! Que puis-je faire ?",
          translations: { en: { text: "Hello {{contact.first_name}}! What can I do?" } },
        },
      ],
      quickReplies: [
        { id: "english", title: "English", translations: { en: { title: "English" } } },
        { id: "francais", title: "Français", translations: { en: { title: "Français" } } },
      ],
    }),
    node("to-en", "action", { steps: [{ kind: "set_language", language: "en" }] }),
    node("to-fr", "action", { steps: [{ kind: "set_language", language: "fr" }] }),
    node("noted", "message", {
      content: [
        { id: "t", kind: "text", text: "C'est noté.", translations: { en: { text: "Noted." } } },
      ],
    }),
  ],
  edges: [
    { id: "e1", source: "start", target: "menu" },
    { id: "e2", source: "menu", sourceHandle: "english", target: "to-en" },
    { id: "e3", source: "menu", sourceHandle: "francais", target: "to-fr" },
    { id: "e4", source: "to-en", target: "noted" },
    { id: "e5", source: "to-fr", target: "noted" },
  ],
};

let graph: RunningGraphEmulator;
let rt: TestRuntime;

beforeAll(async () => {
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  graph.profiles.set("zoe", { first_name: "Zoé", locale: "fr_FR" });
  graph.profiles.set("lucas", { first_name: "Lucas", locale: "fr_BE" });
  graph.profiles.set("ada", { first_name: "Ada", locale: "en_GB" });
  graph.profiles.set("hans", { first_name: "Hans", locale: "de_DE" });
  rt = await startRuntime({
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: graph.url,
  });
  expect((await rt.api("POST", "/api/flows/import?overwrite=1", bilingual)).status).toBe(201);
  expect((await rt.api("POST", "/api/flows/hello/publish", {})).status).toBe(201);
});
afterAll(async () => {
  await rt?.stop();
  await graph?.close();
});

/** The texts sent to `psid` once there are `count` of them. */
const texts = (psid: string, count: number) =>
  waitFor(() => {
    const sent = sentMessages(graph.calls, psid);
    return sent.length >= count ? sent.map(messageText) : undefined;
  }, `${count} message(s) to ${psid}`);

describe("the language a contact gets, over the runtime", () => {
  it("follows the Messenger profile's locale: fr_FR and fr_BE French, en_GB English, de_DE the default", async () => {
    for (const psid of ["zoe", "lucas", "ada", "hans"]) {
      await postWebhook(rt.url, webhookBody([textItem(psid, "bonjour")]));
    }
    expect(await texts("zoe", 1)).toEqual(["Bonjour Zoé ! Que puis-je faire ?"]);
    expect(await texts("lucas", 1)).toEqual(["Bonjour Lucas ! Que puis-je faire ?"]);
    expect(await texts("ada", 1)).toEqual(["Hello Ada! What can I do?"]);
    expect(await texts("hans", 1)).toEqual(["Bonjour Hans ! Que puis-je faire ?"]);
  });

  it("keeps the language chosen in the menu on the contact, over their locale", async () => {
    const menu = sentMessages(graph.calls, "zoe")[0];
    const english = menu?.quick_replies?.find((q) => q.title === "English");
    expect(english).toBeDefined();
    await postWebhook(
      rt.url,
      webhookBody([quickReplyItem("zoe", english?.payload ?? "", "English")]),
    );
    expect((await texts("zoe", 2))[1]).toBe("Noted.");
    const contact = await rt.runtime.deps.store.contacts.get("zoe");
    expect(contact?.fields.language).toBe("en");
    // A new conversation later: English, though the profile still says fr_FR.
    await postWebhook(rt.url, webhookBody([textItem("zoe", "hello")]));
    expect((await texts("zoe", 3))[2]).toBe("Hello Zoé! What can I do?");
  });
});
