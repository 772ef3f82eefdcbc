/**
 * How the examples' parity test plays a customer on each channel against the real runtime:
 * signed webhooks in as that channel sends them, and what the emulators accepted read back as
 * the messages the contact's phone shows (`readSent` of the channel).
 */
import type { OutMessage } from "@convo/engine";
import type { GraphEmulator } from "@convo/messenger";
import { CHANNEL_SPECS, type ChannelId } from "@convo/messenger/channel";
import {
  PAGE_ID,
  postbackItem,
  postWebhook,
  quickReplyItem,
  referralItem,
  textItem,
  webhookBody,
} from "./messenger";
import {
  IG_ACCOUNT,
  postWhatsApp,
  type startMeta,
  waButtonReply,
  waListReply,
  waSent,
  waText,
} from "./meta";

type Meta = Awaited<ReturnType<typeof startMeta>>;
type Item = Record<string, unknown>;

/** A choice the contact taps, as the channel's last messages offered it. */
export interface Choice {
  kind: "quick_reply" | "postback";
  payload: string;
  title: string;
}

export interface ChannelDriver {
  channel: ChannelId;
  /** A new contact with these script fields; returns their id on the channel. */
  newContact(n: number, fields: Record<string, string>): string;
  /** What the runtime learns of a contact on this channel (profile, webhook), as engine fields. */
  known(fields: Record<string, string>): Record<string, string>;
  /** The contact's id in the management API (`ig:…`, `wa:…`). */
  apiId(id: string): string;
  say(id: string, text: string): Promise<Response>;
  tap(id: string, choice: Choice): Promise<Response>;
  /** Undefined: the channel has no such move (WhatsApp has no postback without a button). */
  postback?(id: string, payload: string): Promise<Response>;
  referral?(id: string, ref: string): Promise<Response>;
  /** What the emulator accepted for the contact, as the phone shows it. */
  sent(id: string): OutMessage[];
}

const messengerSent = (emulator: GraphEmulator, recipient: string, channel: ChannelId) =>
  emulator.calls.flatMap((call) => {
    const body = call.body as { recipient?: { id?: string } } | undefined;
    if (!call.path.endsWith("/me/messages") || call.status !== 200) return [];
    if (body?.recipient?.id !== recipient) return [];
    const read = CHANNEL_SPECS[channel].readSent(body);
    return read.kind === "message" ? [read.message] : [];
  });

export function messengerDriver(meta: Meta, url: string): ChannelDriver {
  const post = (item: Item) => postWebhook(url, webhookBody([item]));
  return {
    channel: "messenger",
    newContact(n, fields) {
      const psid = `m-${process.pid}-${n}`;
      meta.graph.profiles.set(psid, {
        first_name: fields.first_name ?? "",
        last_name: fields.last_name ?? "",
        locale: fields.locale ?? "en_US",
      });
      return psid;
    },
    known: (fields) => ({ ...fields }),
    apiId: (id) => id,
    say: (id, text) => post(textItem(id, text)),
    tap: (id, c) =>
      post(
        c.kind === "quick_reply"
          ? quickReplyItem(id, c.payload, c.title)
          : postbackItem(id, c.payload, c.title),
      ),
    postback: (id, payload) => post(postbackItem(id, payload)),
    referral: (id, ref) => post(referralItem(id, ref)),
    sent: (id) => messengerSent(meta.graph, id, "messenger"),
  };
}

/** Instagram: Messenger's shapes under `object: "instagram"`, the account as recipient. */
let mids = 0;

/**
 * `via` is the emulator Instagram's calls reach: the Page's when the runtime sends with the Page
 * token (no `INSTAGRAM_TOKEN`), the account's own with `INSTAGRAM_TOKEN` (see `startMeta`).
 */
export function instagramDriver(
  meta: Meta,
  url: string,
  via: GraphEmulator = meta.graph,
): ChannelDriver {
  const post = (id: string, event: Item) =>
    postWebhook(
      url,
      JSON.stringify({
        object: "instagram",
        entry: [
          {
            id: IG_ACCOUNT,
            time: Date.now(),
            messaging: [
              { sender: { id }, recipient: { id: IG_ACCOUNT }, timestamp: Date.now(), ...event },
            ],
          },
        ],
      }),
    );
  const mid = () => `ig_mid_${process.pid}_${++mids}`;
  return {
    channel: "instagram",
    newContact: (n) => `ig-${process.pid}-${n}`,
    // No profile is read for an Instagram contact yet: the flow sees no name and no locale.
    known: () => ({}),
    apiId: (id) => `ig:${id}`,
    say: (id, text) => post(id, { message: { mid: mid(), text } }),
    tap: (id, c) =>
      post(
        id,
        c.kind === "quick_reply"
          ? { message: { mid: mid(), text: c.title, quick_reply: { payload: c.payload } } }
          : { postback: { mid: mid(), title: c.title, payload: c.payload } },
      ),
    postback: (id, payload) => post(id, { postback: { mid: mid(), title: payload, payload } }),
    // An ig.me link with a ref opens the conversation with it, as m.me does on Messenger.
    referral: (id, ref) =>
      post(id, { referral: { ref, source: "SHORTLINK", type: "OPEN_THREAD" } }),
    sent: (id) => messengerSent(via, id, "instagram"),
  };
}

/** WhatsApp: Cloud API bodies; the customer's name comes with each webhook, no locale. */
export function whatsappDriver(meta: Meta, url: string): ChannelDriver {
  const names = new Map<string, string>();
  const post = (id: string, item: Parameters<typeof postWhatsApp>[1][number]) => {
    meta.whatsapp.customerWrote(id);
    return postWhatsApp(url, [item], { name: names.get(id) ?? "" });
  };
  return {
    channel: "whatsapp",
    newContact(n, fields) {
      const id = `336${String(process.pid % 1000).padStart(3, "0")}${String(n).padStart(5, "0")}`;
      names.set(id, [fields.first_name, fields.last_name].filter(Boolean).join(" "));
      return id;
    },
    known: (fields) => ({
      ...(fields.first_name ? { first_name: fields.first_name } : {}),
      ...(fields.last_name ? { last_name: fields.last_name } : {}),
    }),
    apiId: (id) => `wa:${id}`,
    say: (id, text) => post(id, waText(id, text)),
    tap(id, c) {
      // A list row answers as `list_reply`, a reply button as `button_reply`.
      const last = waSent(meta.whatsapp, id).at(-1) as { interactive?: { type?: string } };
      const list = last?.interactive?.type === "list";
      return post(
        id,
        list ? waListReply(id, c.payload, c.title) : waButtonReply(id, c.payload, c.title),
      );
    },
    sent: (id) =>
      waSent(meta.whatsapp, id).flatMap((body) => {
        const read = CHANNEL_SPECS.whatsapp.readSent(body);
        return read.kind === "message" ? [read.message] : [];
      }),
  };
}

/**
 * The Graph API calls made about these contacts (sends, sender actions, profile reads), with the
 * access token and appsecret_proof each carried: which token the runtime used for them.
 */
export function callsAbout(emulator: GraphEmulator, ids: ReadonlySet<string>) {
  return emulator.calls
    .filter((call) => {
      const recipient = (call.body as { recipient?: { id?: string } } | undefined)?.recipient?.id;
      const node = call.path.split("/")[2];
      return (
        (recipient !== undefined && ids.has(recipient)) || (node !== undefined && ids.has(node))
      );
    })
    .map((call) => ({
      path: call.path,
      token: call.query.access_token,
      proof: call.query.appsecret_proof,
    }));
}

export { PAGE_ID };
