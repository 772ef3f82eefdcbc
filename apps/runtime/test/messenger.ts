import { EMULATOR_PAGE_ID, signBody } from "@convo/messenger";

export const APP_SECRET = "test-app-secret";
export const PAGE_TOKEN = "test-page-token";
/** The Page the tests' Graph API emulators play, so the runtime learns it is this one. */
export const PAGE_ID = EMULATOR_PAGE_ID;

let counter = 0;
const nextMid = () => `m_test_${process.pid}_${++counter}`;

type Item = Record<string, unknown>;

const envelope = (psid: string, extra: Item): Item => ({
  sender: { id: psid },
  recipient: { id: PAGE_ID },
  timestamp: Date.now(),
  ...extra,
});

export const textItem = (psid: string, text: string, mid = nextMid()) =>
  envelope(psid, { message: { mid, text } });
export const postbackItem = (psid: string, payload: string, title = "Tap") =>
  envelope(psid, { postback: { mid: nextMid(), title, payload } });
export const quickReplyItem = (psid: string, payload: string, text: string) =>
  envelope(psid, { message: { mid: nextMid(), text, quick_reply: { payload } } });
export const referralItem = (psid: string, ref: string) =>
  envelope(psid, { referral: { ref, source: "SHORTLINK", type: "OPEN_THREAD" } });
export const echoItem = (psid: string, text: string) => ({
  sender: { id: PAGE_ID },
  recipient: { id: psid },
  timestamp: Date.now(),
  message: { mid: nextMid(), is_echo: true, text, app_id: 263902037430900 },
});

/** A webhook body as Meta sends it: one entry with these items. */
export function webhookBody(items: Item[]): string {
  return JSON.stringify({
    object: "page",
    entry: [{ id: PAGE_ID, time: Date.now(), messaging: items }],
  });
}

/** POSTs a body signed with the app secret (or another secret, or none). */
export function postWebhook(url: string, body: string, secret: string | null = APP_SECRET) {
  return fetch(`${url}/webhooks/messenger`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(secret === null ? {} : { "x-hub-signature-256": signBody(body, secret) }),
    },
    body,
  });
}

/** Polls until `check` returns something other than undefined (or throws after the time-out). */
export async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface CallLike {
  path: string;
  body: unknown;
  status: number;
}

/** The messages (not typing indicators) the emulator accepted for a contact, in order. */
export function sentMessages(calls: readonly CallLike[], psid: string) {
  return calls
    .filter((c) => c.path.endsWith("/me/messages") && c.status === 200)
    .map((c) => c.body as { recipient: { id: string }; message?: Record<string, unknown> })
    .filter((b) => b.recipient.id === psid && b.message !== undefined)
    .map(
      (b) =>
        b.message as {
          text?: string;
          quick_replies?: { title: string; payload: string }[];
          attachment?: {
            payload: { buttons?: { title: string; payload?: string }[]; text?: string };
          };
        },
    );
}

/** The text a message shows (plain text or a button template's text). */
export function messageText(m: ReturnType<typeof sentMessages>[number]): string {
  return m.text ?? m.attachment?.payload.text ?? "";
}
