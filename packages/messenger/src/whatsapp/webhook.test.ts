import { describe, expect, it } from "vitest";
import { toEngineEvent } from "../webhook/to-engine-event";
import { CUSTOMER, PHONE_NUMBER_ID, WHATSAPP_FIXTURES } from "./fixtures";
import { parseWhatsAppWebhook } from "./webhook";

const parse = (body: unknown) => {
  const parsed = parseWhatsAppWebhook(body, { phoneNumberId: PHONE_NUMBER_ID });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.events;
};

describe("parseWhatsAppWebhook: Meta's documented bodies", () => {
  it("reads a text with the customer's wa_id, profile name and wamid as the dedupe key", () => {
    const [event] = parse(WHATSAPP_FIXTURES.text);
    expect(event).toMatchObject({
      platform: "whatsapp",
      pageId: PHONE_NUMBER_ID,
      psid: CUSTOMER,
      contactName: "Kerry Fisher",
      timestamp: 1749416383000,
      kind: "text",
      text: "Does it come in another color?",
      dedupeKey: "wamid:wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=",
    });
    expect(event && toEngineEvent(event)).toEqual({
      type: "message",
      text: "Does it come in another color?",
    });
  });

  it("reads reply buttons and list rows as the payload Convo sent", () => {
    const [button] = parse(WHATSAPP_FIXTURES.button_reply);
    expect(button).toMatchObject({
      kind: "quick_reply",
      payload: "change-button",
      text: "Change",
      replyTo: "wamid.SENT1",
    });
    const [row] = parse(WHATSAPP_FIXTURES.list_reply);
    expect(row && toEngineEvent(row)).toEqual({
      type: "quick_reply",
      payload: "priority_express",
      text: "Priority Mail Express",
    });
  });

  it("reads media by id with its caption, documents as files, locations as coordinates", () => {
    expect(parse(WHATSAPP_FIXTURES.image)[0]).toMatchObject({
      kind: "attachments",
      text: "Black Lab",
      attachments: [{ type: "image", mediaId: "1003383421387256" }],
    });
    expect(parse(WHATSAPP_FIXTURES.document)[0]).toMatchObject({
      attachments: [{ type: "file", title: "receipt.pdf" }],
    });
    expect(parse(WHATSAPP_FIXTURES.location)[0]).toMatchObject({
      attachments: [
        {
          type: "location",
          coordinates: { lat: 37.483307, long: -122.148981 },
          title: "Main Street Beach",
        },
      ],
    });
  });

  it("reads a reaction as a reaction, never as a message to answer", () => {
    const [event] = parse(WHATSAPP_FIXTURES.reaction);
    expect(event).toMatchObject({ kind: "reaction", action: "react", mid: "wamid.SENT1" });
    expect(event && toEngineEvent(event)).toBeUndefined();
  });

  it("reads statuses, each its own event, failures with Meta's code and details", () => {
    const events = parse(WHATSAPP_FIXTURES.statuses);
    expect(events.map((e) => (e.kind === "status" ? e.status : e.kind))).toEqual([
      "sent",
      "delivered",
      "read",
      "failed",
    ]);
    expect(new Set(events.map((e) => e.dedupeKey)).size).toBe(4);
    expect(events[0]).toMatchObject({ mid: "wamid.SENT1", metadata: "convo|o:12", psid: CUSTOMER });
    expect(events[3]).toMatchObject({
      kind: "status",
      status: "failed",
      errors: [
        {
          code: 131047,
          title: "Re-engagement message",
          details: expect.stringContaining("24 hours"),
        },
      ],
    });
  });

  it("keeps what it does not understand, and a change for another phone number, unanswered", () => {
    const [unsupported] = parse(WHATSAPP_FIXTURES.unsupported);
    expect(unsupported).toMatchObject({ kind: "unknown", psid: CUSTOMER });
    const other = parseWhatsAppWebhook(WHATSAPP_FIXTURES.text, { phoneNumberId: "999" });
    expect(other.ok && other.events).toEqual([
      expect.objectContaining({
        kind: "unknown",
        psid: null,
        reason: expect.stringContaining("not 999"),
      }),
    ]);
    const templateChange = {
      object: "whatsapp_business_account",
      entry: [
        {
          id: "1",
          changes: [{ field: "message_template_status_update", value: { event: "APPROVED" } }],
        },
      ],
    };
    expect(parse(templateChange)).toEqual([expect.objectContaining({ kind: "unknown" })]);
  });

  it("refuses a body that is not WhatsApp's", () => {
    expect(parseWhatsAppWebhook({ object: "page", entry: [] })).toEqual({
      ok: false,
      error: expect.stringContaining("not a WhatsApp webhook"),
    });
    expect(parseWhatsAppWebhook("nope").ok).toBe(false);
  });
});
