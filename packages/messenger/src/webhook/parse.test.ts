import { describe, expect, it } from "vitest";
import { fixture, fixtureNames } from "./fixtures";
import { parseWebhook } from "./parse";
import type { InboundEvent } from "./types";

const PAGE = "104857600000001";
const USER = "6543210987654321";
const OUR_APP = "1517776481860111";

function events(name: string): InboundEvent[] {
  const result = parseWebhook(fixture(name), { appId: OUR_APP });
  if (!result.ok) throw new Error(result.error);
  return result.events;
}

function only(name: string): InboundEvent {
  const [event, ...rest] = events(name);
  expect(rest).toEqual([]);
  if (!event) throw new Error("no event");
  return event;
}

describe("parseWebhook: one fixture per documented event", () => {
  it("reads a text message with its sender, page, time and mid as dedupe key", () => {
    expect(only("text")).toEqual({
      platform: "page",
      pageId: PAGE,
      psid: USER,
      timestamp: 1732356000000,
      channel: "messaging",
      kind: "text",
      mid: "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P",
      text: "Bonjour ! Où est ma commande n° 4512 ? 📦",
      dedupeKey:
        "mid:m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P",
    });
  });

  it("reads a quick reply tap as its payload and the title shown", () => {
    expect(only("quick_reply")).toMatchObject({
      kind: "quick_reply",
      payload: "cv1|order-tracking|3|ask|track",
      text: "Track my order",
      psid: USER,
    });
  });

  it("reads image, video, audio, file, sticker, location and fallback attachments", () => {
    const [media, sticker, location, fallback] = events("attachments");
    expect(media).toMatchObject({
      kind: "attachments",
      attachments: [
        { type: "image", url: "https://scontent.xx.fbcdn.net/v/t1.15752-9/photo.jpg" },
        { type: "video", url: "https://video.xx.fbcdn.net/v/t42.3356-2/clip.mp4" },
        { type: "audio", url: "https://cdn.fbsbx.com/v/t59.3654-21/voice.mp4" },
        { type: "file", url: "https://cdn.fbsbx.com/v/t59.2708-21/invoice.pdf" },
      ],
    });
    expect(sticker).toMatchObject({
      kind: "attachments",
      attachments: [{ type: "sticker", stickerId: "369239263222822" }],
    });
    expect(location).toMatchObject({
      kind: "attachments",
      attachments: [
        { type: "location", coordinates: { lat: 48.8566, long: 2.3522 }, title: "Pinned Location" },
      ],
    });
    expect(fallback).toMatchObject({
      kind: "attachments",
      text: "look https://example.com/sale",
      attachments: [{ type: "fallback", title: "Summer sale" }],
    });
  });

  it("keeps the mid a message replies to", () => {
    expect(only("reply_to")).toMatchObject({
      kind: "text",
      text: "yes, this one",
      replyTo: "m_original_41",
    });
  });

  it("reads a postback with its referral (Get Started from an m.me link)", () => {
    expect(only("postback")).toMatchObject({
      kind: "postback",
      title: "Get Started",
      payload: "GET_STARTED",
      referral: { ref: "summer_sale", source: "SHORTLINK", type: "OPEN_THREAD" },
      dedupeKey: "mid:m_postback_7",
    });
  });

  it("reads m.me and ad referrals", () => {
    const [link, ad] = events("referral");
    expect(link).toMatchObject({
      kind: "referral",
      referral: { ref: "summer_sale", source: "SHORTLINK" },
    });
    expect(ad).toMatchObject({
      kind: "referral",
      referral: {
        ref: "ad_campaign_7",
        source: "ADS",
        adId: "23851234567890123",
        type: "OPEN_THREAD",
      },
    });
    expect(link?.dedupeKey).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(link?.dedupeKey).not.toBe(ad?.dedupeKey);
  });

  it("reads plugin opt-ins, checkbox opt-ins (user_ref, no PSID) and marketing opt-ins", () => {
    const [plugin, checkbox, marketing] = events("optin");
    expect(plugin).toMatchObject({ kind: "optin", ref: "send_to_messenger_footer", psid: USER });
    expect(checkbox).toMatchObject({
      kind: "optin",
      ref: "checkout_checkbox",
      userRef: "UNIQUE_REF_PARAM_1234",
      psid: null,
    });
    expect(marketing).toMatchObject({
      kind: "optin",
      optinType: "notification_messages",
      payload: "weekly_deals",
      notificationMessagesToken: "6810243212345678901",
      notificationMessagesStatus: "RESUME_NOTIFICATIONS",
      timestamp: 1732356006200,
    });
  });

  it("reads deliveries (no timestamp: the entry's time is used) and reads", () => {
    expect(only("delivery")).toMatchObject({
      kind: "delivery",
      mids: ["m_sent_1", "m_sent_2"],
      watermark: 1732356006900,
      timestamp: 1732356007123,
    });
    expect(only("read")).toMatchObject({ kind: "read", watermark: 1732356007900, psid: USER });
  });

  it("tells Convo's own echoes from a human's reply in the Page Inbox; the contact is the recipient", () => {
    const [ours, inbox] = events("echo");
    expect(ours).toMatchObject({
      kind: "echo",
      psid: USER,
      appId: OUR_APP,
      text: "Hi Léa! What can I do?",
      fromPageInbox: false,
    });
    expect(inbox).toMatchObject({
      kind: "echo",
      psid: USER,
      appId: "263902037430900",
      fromPageInbox: true,
    });
  });

  it("knows its own echoes by metadata when no app id is configured", () => {
    const result = parseWebhook(fixture("echo"));
    expect(result.ok && result.events.map((e) => e.kind === "echo" && e.fromPageInbox)).toEqual([
      false,
      true,
    ]);
  });

  it("reads reactions and their removal, keyed apart although they name the same message", () => {
    const [react, unreact] = events("reaction");
    expect(react).toMatchObject({
      kind: "reaction",
      action: "react",
      emoji: "❤️",
      reaction: "love",
      mid: "m_echo_ours",
    });
    expect(unreact).toMatchObject({ kind: "reaction", action: "unreact", mid: "m_echo_ours" });
    expect(react?.dedupeKey).not.toBe(unreact?.dedupeKey);
    expect(react?.dedupeKey).not.toBe("mid:m_echo_ours");
  });

  it("reads pass, take and request thread control and app roles", () => {
    const [pass, take, request, roles] = events("handover");
    expect(pass).toMatchObject({
      kind: "pass_thread_control",
      newOwnerAppId: OUR_APP,
      previousOwnerAppId: null,
      metadata: "Additional content that the caller wants to set",
    });
    expect(take).toMatchObject({
      kind: "take_thread_control",
      previousOwnerAppId: OUR_APP,
      newOwnerAppId: "263902037430900",
    });
    expect(request).toMatchObject({
      kind: "request_thread_control",
      requestedOwnerAppId: "263902037430900",
    });
    expect(roles).toMatchObject({
      kind: "app_roles",
      psid: null,
      roles: { [OUR_APP]: ["primary_receiver"] },
    });
  });

  it("reads policy enforcement for the Page", () => {
    expect(only("policy_enforcement")).toMatchObject({
      kind: "policy_enforcement",
      action: "block",
      psid: null,
      pageId: PAGE,
    });
  });

  it("marks standby items as such", () => {
    expect(only("standby")).toMatchObject({
      kind: "text",
      channel: "standby",
      text: "are you still there?",
    });
  });

  it("reads Instagram bodies the same way", () => {
    expect(only("instagram")).toMatchObject({
      platform: "instagram",
      pageId: "17841400000000001",
      psid: "7000123456789012",
      kind: "text",
      text: "Salut 👋 c'est dispo en 38 ?",
    });
  });

  it("reads Instagram reads, which name the message instead of a watermark", () => {
    expect(only("instagram_read")).toMatchObject({
      platform: "instagram",
      kind: "read",
      mid: "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAw",
    });
  });

  it("understands every fixture without an unknown event, except the deliberate one in the batch", () => {
    for (const name of fixtureNames()) {
      const unknown = events(name).filter((event) => event.kind === "unknown");
      expect({ name, unknown: unknown.length }).toEqual({
        name,
        unknown: name === "batched" ? 1 : 0,
      });
    }
  });
});

describe("parseWebhook: batches and dedupe keys", () => {
  it("returns every event of every entry in order, messaging before standby per entry", () => {
    const batch = events("batched");
    expect(batch.map((e) => [e.pageId, e.channel, e.kind, e.psid])).toEqual([
      [PAGE, "messaging", "text", "1111111111111111"],
      [PAGE, "messaging", "read", "1111111111111111"],
      [PAGE, "standby", "text", "3333333333333333"],
      ["104857600000002", "messaging", "postback", "2222222222222222"],
      ["104857600000002", "messaging", "unknown", "2222222222222222"],
    ]);
  });

  it("keeps an event it does not understand whole, as unknown", () => {
    const unknown = events("batched").find((e) => e.kind === "unknown");
    expect(unknown).toMatchObject({
      kind: "unknown",
      raw: { message_edit: { mid: "m_edited", text: "fixed typo", num_edit: 1 } },
    });
  });

  it("gives a redelivered body the same keys whatever the key order, and distinct keys inside a body", () => {
    const body = fixture("batched") as { entry: Record<string, unknown>[] };
    const reordered = JSON.parse(JSON.stringify(body, (_key, value) => reverseKeys(value)));
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(body));
    const first = parseWebhook(body);
    const again = parseWebhook(reordered);
    const keys = first.ok ? first.events.map((e) => e.dedupeKey) : [];
    expect(again.ok && again.events.map((e) => e.dedupeKey)).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("refuses bodies that are not Messenger webhooks", () => {
    for (const body of [
      null,
      42,
      "page",
      [],
      {},
      { object: "user", entry: [] },
      { object: "page" },
      { object: "page", entry: {} },
    ]) {
      const result = parseWebhook(body);
      expect(result.ok).toBe(false);
    }
  });

  it("keeps malformed items and entries as unknown events instead of failing the body", () => {
    const result = parseWebhook({
      object: "page",
      entry: [
        { time: 1 },
        { id: PAGE, time: 5, changes: [{ field: "feed" }] },
        {
          id: PAGE,
          time: 7,
          messaging: [
            42,
            { sender: { id: USER }, timestamp: 9, reaction: { action: "shrug" } },
            { sender: { id: USER }, timestamp: 10, message: { text: "no mid" } },
            { sender: { id: USER }, timestamp: 11, message: { mid: "m_empty" } },
          ],
        },
      ],
    });
    expect(
      result.ok && result.events.map((e) => [e.kind, e.kind === "unknown" && e.reason]),
    ).toEqual([
      ["unknown", "entry without a page id"],
      ["unknown", "feed change that is not a new comment"],
      ["unknown", "not an event object"],
      ["unknown", "malformed reaction"],
      ["unknown", "malformed message"],
      ["unknown", "message without text or attachments"],
    ]);
  });
});

describe("parseWebhook: bodies Meta would not send", () => {
  const text = (mid: string) => ({
    sender: { id: USER },
    recipient: { id: PAGE },
    timestamp: 1,
    message: { mid, text: "hi" },
  });

  it("keeps an entry for another Page as one unknown event, and reads this Page's", () => {
    const other = "999000999000999";
    const body = {
      object: "page",
      entry: [
        { id: other, time: 1, messaging: [text("m_theirs")] },
        { id: PAGE, time: 1, messaging: [text("m_ours")] },
      ],
    };
    const result = parseWebhook(body, { accounts: { page: PAGE } });
    if (!result.ok) throw new Error(result.error);
    expect(result.events.map((e) => [e.kind, e.pageId, e.psid])).toEqual([
      ["unknown", other, null],
      ["text", PAGE, USER],
    ]);
    expect(result.events[0]).toMatchObject({
      reason: `entry for Page ${other}, not ${PAGE}`,
      raw: body.entry[0],
    });
    // Without an account to check against, every entry is read (the emulator, old callers).
    expect(parseWebhook(body).ok && parseWebhook(body)).toMatchObject({
      events: [{ kind: "text" }, { kind: "text" }],
    });
    // Only the object named is checked: an Instagram account is not a Page.
    const instagram = { ...body, object: "instagram" };
    const read = parseWebhook(instagram, { accounts: { page: PAGE } });
    expect(read.ok && read.events.map((e) => e.kind)).toEqual(["text", "text"]);
  });

  it.each([4_000, 20_000, 200_000])(
    "reads the valid events of a batch beside an item nested %i levels deep, kept cut",
    (depth) => {
      const deep = `${"[".repeat(depth)}"x"${"]".repeat(depth)}`;
      const body = JSON.parse(
        `{"object":"page","entry":[{"id":"${PAGE}","time":1,"messaging":[${JSON.stringify(text("m_ok"))},{"sender":{"id":"${USER}"},"recipient":{"id":"${PAGE}"},"timestamp":2,"nested":${deep}}]}]}`,
      );
      const result = parseWebhook(body, { accounts: { page: PAGE } });
      if (!result.ok) throw new Error(result.error);
      const [ok, odd] = result.events;
      expect(ok).toMatchObject({ kind: "text", mid: "m_ok" });
      expect(odd).toMatchObject({ kind: "unknown", reason: "no known event field", psid: USER });
      expect(odd?.dedupeKey).toMatch(/^sha256:[0-9a-f]{64}$/);
      // What is kept can be stored and read back.
      const stored = JSON.stringify(result.events);
      expect(stored).toContain("nested deeper than");
      expect(JSON.parse(stored)).toHaveLength(2);
    },
  );

  it("never repeats an internal error to the sender", () => {
    const hostile = {
      object: "page",
      get entry(): unknown[] {
        throw new RangeError("Maximum call stack size exceeded");
      },
    };
    expect(parseWebhook(hostile)).toEqual({ ok: false, error: "unreadable webhook body" });
  });
});

function reverseKeys(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).reverse());
}
