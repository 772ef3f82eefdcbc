import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, startRuntime, type TestRuntime } from "./helpers";
import { waitFor } from "./messenger";

let rt: TestRuntime;

beforeAll(async () => {
  // No tokens: every channel runs against its own in-process emulator.
  rt = await startRuntime();
});
afterAll(async () => {
  await rt?.stop();
});

/** Posts a sandbox message on a channel and waits for the first reply the emulator took. */
async function talk(
  channel: string,
  psid: string,
  text: string,
  locale?: string,
  on: TestRuntime = rt,
) {
  const posted = await on.api("POST", "/api/sandbox/messages", {
    channel,
    psid,
    text,
    ...(locale === undefined ? {} : { locale }),
  });
  expect(posted.status).toBe(202);
  return waitFor(async () => {
    const sent = await on.api("GET", `/api/sandbox/sent?channel=${channel}&psid=${psid}`);
    // A message, not a typing indicator.
    const calls = (sent.json.calls as Json[]).filter(
      (c) => c.status === 200 && (c.body?.message || c.body?.messaging_product),
    );
    return calls.length > 0
      ? { calls, contactId: sent.json.contactId as string, posted }
      : undefined;
  }, `a ${channel} reply`);
}

describe("the sandbox on any channel", () => {
  it("plays Instagram: Instagram's webhook in, its emulator's sends out, its profile read", async () => {
    const { calls, contactId, posted } = await talk("instagram", "sandbox-contact", "hello");
    expect(posted.json).toEqual({ psid: "sandbox-contact", contactId: "ig:sandbox-contact" });
    expect(contactId).toBe("ig:sandbox-contact");
    const reply = calls.find((c) => c.body?.message?.text);
    expect(reply?.path).toMatch(/\/me\/messages$/);
    expect(reply?.body.message.text).toContain("Hi Sam!");
    const contact = await rt.api("GET", "/api/contacts/ig:sandbox-contact");
    expect(contact.json).toMatchObject({
      channel: "instagram",
      firstName: "Sam",
      fields: { username: "sam.sandbox" },
    });
    // The Messenger sandbox contact is another person, untouched.
    const messenger = await rt.api(
      "GET",
      "/api/sandbox/sent?channel=messenger&psid=sandbox-contact",
    );
    expect(messenger.json.calls).toEqual([]);
  });

  it("plays WhatsApp: a wa_id for the tester, Cloud API messages out, taps as reply buttons", async () => {
    const { calls, contactId } = await talk("whatsapp", "tester-wa1", "hi");
    expect(contactId).toMatch(/^wa:1555\d{7}$/);
    const [menu] = calls;
    expect(menu?.body).toMatchObject({
      messaging_product: "whatsapp",
      to: contactId.slice(3),
      type: "interactive",
    });
    const contact = await rt.api("GET", `/api/contacts/${contactId}`);
    expect(contact.json).toMatchObject({ channel: "whatsapp", firstName: "Sam" });

    const track = menu?.body.interactive.action.buttons[0].reply;
    const tapped = await rt.api("POST", "/api/sandbox/messages", {
      channel: "whatsapp",
      psid: "tester-wa1",
      postback: { payload: track.id, title: track.title },
    });
    expect(tapped.status).toBe(202);
    await waitFor(async () => {
      const sent = await rt.api(
        "GET",
        `/api/sandbox/sent?channel=whatsapp&psid=tester-wa1&after=${menu?.seq}`,
      );
      return (sent.json.calls as Json[]).length > 0 ? true : undefined;
    }, "the answer to the tap");
    const transcript = await rt.api("GET", `/api/contacts/${contactId}/transcript`);
    expect(
      (transcript.json.messages as Json[]).filter((m) => m.direction === "in").map((m) => m.text),
    ).toEqual(["hi", track.title]);
  });
});

describe("the sandbox's testers", () => {
  it("names a new tester Sam Sandbox on Messenger and Instagram, as the simulator's contact", async () => {
    const messenger = await talk("messenger", "tester-new1", "hello");
    expect(messenger.calls.find((c) => c.body?.message?.text)?.body.message.text).toContain(
      "Hi Sam!",
    );
    expect((await rt.api("GET", `/api/contacts/${messenger.contactId}`)).json).toMatchObject({
      firstName: "Sam",
      lastName: "Sandbox",
    });
    const instagram = await talk("instagram", "tester-new2", "hello");
    expect((await rt.api("GET", `/api/contacts/${instagram.contactId}`)).json).toMatchObject({
      firstName: "Sam",
    });
  });
});

describe("the sandbox contact's state", () => {
  it("gives the fields, tags and variables the flows see, as the simulator shows them", async () => {
    const path = "/api/sandbox/contact?channel=messenger&psid=tester-vars";
    expect((await rt.api("GET", path)).status).toBe(404);
    // Lead capture is seeded paused (its keywords are a newcomer's): resumed, "promo" starts it.
    expect((await rt.api("POST", "/api/flows/lead-capture/resume")).status).toBe(200);
    await talk("messenger", "tester-vars", "PROMO");
    await rt.api("POST", "/api/sandbox/messages", { psid: "tester-vars", text: "ada@example.com" });
    const state = await waitFor(async () => {
      const answer = await rt.api("GET", path);
      const vars = Object.values((answer.json.variables ?? {}) as Record<string, Json>);
      return vars.some((v) => v.email === "ada@example.com") ? answer.json : undefined;
    }, "the question's variable");
    expect(state.contactId).toBe("tester-vars");
    expect(state.fields).toMatchObject({
      first_name: "Sam",
      last_name: "Sandbox",
      name: "Sam Sandbox",
    });
    expect(Array.isArray(state.tags)).toBe(true);
  });
});

describe("the sandbox's locale", () => {
  // A runtime of its own: the sandbox contact's Instagram profile is not read yet.
  let own: TestRuntime;
  beforeAll(async () => {
    own = await startRuntime();
  });
  afterAll(async () => {
    await own?.stop();
  });

  it("takes the tester's locale on Instagram and WhatsApp, and still reads the name each gives", async () => {
    // The locale is the tester's choice, not a profile: Instagram's profile call still goes out
    // (name and handle), and WhatsApp's webhook still names the contact.
    const instagram = await talk("instagram", "sandbox-contact", "bonjour", "fr_FR", own);
    const igText = instagram.calls.find((c) => c.body?.message?.text)?.body.message.text;
    expect(igText).toContain("Bonjour Sam !");
    expect((await own.api("GET", "/api/contacts/ig:sandbox-contact")).json).toMatchObject({
      firstName: "Sam",
      locale: "fr_FR",
      fields: { username: "sam.sandbox" },
    });
    const whatsapp = await talk("whatsapp", "sandbox-contact", "bonjour", "fr_FR", own);
    expect(JSON.stringify(whatsapp.calls[0]?.body)).toContain("Bonjour Sam !");
    expect((await own.api("GET", `/api/contacts/${whatsapp.contactId}`)).json).toMatchObject({
      firstName: "Sam",
      lastName: "Sandbox",
      locale: "fr_FR",
    });
  });
});
