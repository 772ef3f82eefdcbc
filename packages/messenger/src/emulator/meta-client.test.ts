import { MessengerClient } from "messaging-api-messenger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningGraphEmulator, startGraphEmulator } from "./server";

/**
 * The emulator driven by a maintained client nobody here wrote (`messaging-api-messenger`),
 * over real HTTP: what Meta documents as accepted is accepted, what it refuses is refused with
 * Meta's error shape, and where Meta truncates the emulator truncates and says so.
 */
const TOKEN = "EAAGclient";
const SECRET = "client-secret";
const APP_ID = "1517776481860111";
const PSID = "4211";

let graph: RunningGraphEmulator;
let client: MessengerClient;

beforeAll(async () => {
  graph = await startGraphEmulator({ pageToken: TOKEN, appSecret: SECRET, appId: APP_ID });
  graph.profiles.set(PSID, {
    first_name: "Ada",
    last_name: "Lovelace",
    profile_pic: "https://e.com/a.png",
  });
  client = new MessengerClient({
    accessToken: TOKEN,
    appSecret: SECRET,
    appId: APP_ID,
    version: "21.0",
    origin: graph.url,
  });
});
afterAll(async () => {
  await graph?.close();
});

const lastCall = () => graph.calls[graph.calls.length - 1];

describe("messaging-api-messenger against the emulator: what Meta accepts", () => {
  it("reads a profile with the client's default fields, id and name included", async () => {
    expect(await client.getUserProfile(PSID)).toEqual({
      id: PSID,
      name: "Ada Lovelace",
      firstName: "Ada",
      lastName: "Lovelace",
      profilePic: "https://e.com/a.png",
    });
  });

  it("sets and reads ice breakers in the older format and the per-locale one", async () => {
    const older = [{ question: "Where is my order?", payload: "ORDER" }];
    await client.setIceBreakers(older);
    expect(await client.getIceBreakers()).toEqual(older);
    const perLocale = [
      { locale: "default", callToActions: [{ question: "Hours?", payload: "HOURS" }] },
    ];
    // The client's types know only the older shape; Meta documents both.
    await client.setIceBreakers(perLocale as never);
    expect(await client.getIceBreakers()).toEqual(perLocale);
  });

  it("sets and reads the whitelisted domains", async () => {
    await client.setWhitelistedDomains(["https://shop.example.com"]);
    expect(await client.getWhitelistedDomains()).toEqual(["https://shop.example.com"]);
  });

  it("passes, takes and requests the thread, and answers its owner", async () => {
    expect(await client.getThreadOwner(PSID)).toEqual({ appId: APP_ID });
    await client.passThreadControlToPageInbox(PSID, "to a person");
    expect(await client.getThreadOwner(PSID)).toEqual({ appId: "263902037430900" });
    expect(await client.requestThreadControl(PSID, "may I?")).toEqual({ success: true });
    await client.takeThreadControl(PSID, "back to the bot");
    expect(await client.getThreadOwner(PSID)).toEqual({ appId: APP_ID });
  });

  it("sends media and receipt templates, account-link buttons and URL-button options", async () => {
    const sent = [
      await client.sendMediaTemplate(PSID, [
        {
          mediaType: "image",
          attachmentId: "1854626884821032",
          buttons: [{ type: "web_url", url: "https://e.com", title: "See" }],
        },
      ]),
      await client.sendReceiptTemplate(PSID, {
        recipientName: "Ada Lovelace",
        orderNumber: "12345678902",
        currency: "USD",
        paymentMethod: "Visa 2345",
        orderUrl: "https://e.com/order?order_id=123456",
        timestamp: "1428444852",
        address: {
          street1: "1 Hacker Way",
          street2: "",
          city: "Menlo Park",
          postalCode: "94025",
          state: "CA",
          country: "US",
        },
        summary: { subtotal: 75, shippingCost: 4.95, totalTax: 6.19, totalCost: 56.14 },
        adjustments: [{ name: "New Customer Discount", amount: 20 }],
        // Meta makes image_url optional; the client's types do not.
        elements: [
          { title: "Classic White T-Shirt", quantity: 2, price: 50, currency: "USD" } as never,
        ],
      }),
      // The client's button type lags Meta's reference (untitled account_link, webview options).
      await client.sendButtonTemplate(PSID, "Sign in to see your orders", [
        { type: "account_link", url: "https://e.com/authorize" } as never,
        {
          type: "web_url",
          title: "Shop",
          url: "https://e.com/shop",
          messengerExtensions: true,
          fallbackUrl: "https://e.com/fallback",
          webviewHeightRatio: "tall",
          webviewShareButton: "hide",
        } as never,
      ]),
      // `sharable` is a property of the template's payload (the client's options go elsewhere).
      await client.sendTemplate(PSID, {
        templateType: "generic",
        sharable: true,
        elements: [
          { title: "Shirt", buttons: [{ type: "postback", title: "Buy", payload: "BUY" }] },
        ],
      }),
    ];
    for (const answer of sent) expect(answer).toMatchObject({ recipientId: PSID });
    expect(graph.calls.filter((c) => c.path.endsWith("/me/messages")).map((c) => c.status)).toEqual(
      [200, 200, 200, 200],
    );
  });

  it("cuts a quick-reply title over 20 characters as Messenger does, and records a warning", async () => {
    await client.sendText(PSID, "Pick one", {
      quickReplies: [
        { contentType: "text", title: "A title far longer than twenty", payload: "LONG" },
      ],
    });
    expect(lastCall()?.status).toBe(200);
    expect(lastCall()?.warnings).toEqual([
      "message.quick_replies[0].title is 30 characters: Messenger shows the first 20",
    ]);
  });
});

describe("messaging-api-messenger against the emulator: what Meta refuses", () => {
  const refusal = async (call: () => Promise<unknown>) => {
    const error = (await call().then(
      () => undefined,
      (e: unknown) => e,
    )) as { response?: { status: number; data: unknown } } | undefined;
    expect(error?.response?.status).toBe(400);
    return error?.response?.data as { error: Record<string, unknown> };
  };

  it.each([
    ["a text over 2000 characters", () => client.sendText(PSID, "x".repeat(2001))],
    [
      "a media template with an outside URL",
      () => client.sendMediaTemplate(PSID, [{ mediaType: "image", url: "https://e.com/a.png" }]),
    ],
    [
      "a receipt without its summary",
      () =>
        client.sendRawBody({
          recipient: { id: PSID },
          message: {
            attachment: {
              type: "template",
              payload: {
                template_type: "receipt",
                recipient_name: "Ada",
                order_number: "1",
                currency: "USD",
                payment_method: "Visa",
              },
            },
          },
        }),
    ],
    [
      "five ice breakers",
      () =>
        client.setIceBreakers(
          Array.from({ length: 5 }, (_, i) => ({ question: `Q${i}`, payload: `P${i}` })),
        ),
    ],
    ["a whitelisted domain over http", () => client.setWhitelistedDomains(["http://e.com"])],
  ])("refuses %s with code 100, OAuthException", async (_name, call) => {
    const body = await refusal(call);
    expect(body.error).toMatchObject({ type: "OAuthException", code: 100 });
    expect(body.error.message).toMatch(/^\(#100\)/);
    // The client camel-cases what it reads: Meta's `fbtrace_id`.
    expect(body.error.fbtraceId).toEqual(expect.any(String));
  });

  it("refuses a profile field Meta does not have", async () => {
    const body = await refusal(() =>
      client.getUserProfile(PSID, { fields: ["id", "shoe_size" as never] }),
    );
    expect(body.error).toMatchObject({
      code: 100,
      message: "(#100) Tried accessing nonexisting field (shoe_size)",
    });
  });

  it("answers a missing appsecret_proof in Meta's words, type and code", async () => {
    const unproved = new MessengerClient({
      accessToken: TOKEN,
      skipAppSecretProof: true,
      version: "21.0",
      origin: graph.url,
    });
    const body = await refusal(() => unproved.sendText(PSID, "hello"));
    expect(body.error).toMatchObject({
      message: "API calls from the server require an appsecret_proof argument",
      type: "GraphMethodException",
      code: 100,
    });
  });

  it("answers a wrong appsecret_proof as Meta does", async () => {
    const wrong = new MessengerClient({
      accessToken: TOKEN,
      appSecret: "not-the-secret",
      version: "21.0",
      origin: graph.url,
    });
    const body = await refusal(() => wrong.sendText(PSID, "hello"));
    expect(body.error).toMatchObject({
      message: "Invalid appsecret_proof provided in the API argument",
      type: "GraphMethodException",
      code: 100,
    });
  });

  it("answers an unknown PSID with GraphMethodException 100/33", async () => {
    const body = await refusal(() => client.getUserProfile("999888777"));
    expect(body.error).toMatchObject({
      type: "GraphMethodException",
      code: 100,
      errorSubcode: 33,
    });
    expect(body.error.message).toMatch(
      /^Unsupported get request\. Object with ID '999888777' does not exist/,
    );
  });

  it("words a text past its limit as Meta does", async () => {
    const body = await refusal(() => client.sendText(PSID, "x".repeat(2001)));
    expect(body.error.message).toBe(
      "(#100) Length of param message[text] must be less than or equal to 2000",
    );
  });
});
