import type { ChannelLimits, OutButton, OutCard, OutMessage, OutQuickReply } from "@convo/flow";
import { callNumber, utf8Length } from "@convo/flow";
import type { RenderOptions, RenderResult, SendWindow, WindowPolicy } from "../channel/types";
import { windowVerdict } from "../channel/window";
import { MESSENGER_LIMITS, MESSENGER_METADATA_LIMIT } from "../messenger/limits";
import { MESSENGER_WINDOW, type MessageTag } from "../messenger/window";
import { CONVO_METADATA_PREFIX } from "../webhook/metadata";
import type {
  GenericElement,
  OutgoingMessage,
  SendBody,
  SendButton,
  SendQuickReply,
} from "./schemas";
import { isHttpUrl } from "./url";

export type { RenderOptions } from "../channel/types";
export { HUMAN_AGENT_WINDOW_MS, RESPONSE_WINDOW_MS } from "../messenger/window";

/** When the contact last wrote, and the tag a message may use outside Messenger's window. */
export type MessengerWindow = SendWindow<MessageTag>;

/**
 * What a channel speaking the Send API's shapes can show (Messenger, Instagram): its name for
 * refusals, its limits and window, and what it lacks (Instagram: no file attachments, no call
 * buttons, no images on quick replies, texts counted in bytes).
 */
export interface SendProfile {
  name: string;
  limits: ChannelLimits;
  window: WindowPolicy;
  /** Texts are limited in UTF-8 bytes rather than characters. */
  textInBytes?: boolean;
  media: ReadonlySet<"image" | "video" | "audio" | "file">;
  callButtons: boolean;
  quickReplyImages: boolean;
}

export const MESSENGER_SEND_PROFILE: SendProfile = {
  name: "Messenger",
  limits: MESSENGER_LIMITS,
  window: MESSENGER_WINDOW,
  media: new Set(["image", "video", "audio", "file"]),
  callButtons: true,
  quickReplyImages: true,
};

/**
 * Renders one engine message to a Send API body, or says plainly why it cannot be sent: past
 * Messenger's limits, or outside the window with no tag that allows it. Nothing that Meta would
 * refuse leaves here. Browser-safe.
 *
 * @example
 * const rendered = renderSend(action.message, contact.psid, { lastUserMessageAt, now: Date.now() });
 * if (rendered.ok) await graph.sendMessage(rendered.body);
 * else park(rendered.reason, rendered.message);
 */
export function renderSend(
  message: OutMessage,
  recipientPsid: string,
  window: MessengerWindow,
  options: RenderOptions = {},
): RenderResult<SendBody> {
  return renderSendFor(MESSENGER_SEND_PROFILE, message, recipientPsid, window, options);
}

/** `renderSend` for any channel that speaks the Send API's shapes (Instagram: its own profile). */
export function renderSendFor(
  profile: SendProfile,
  message: OutMessage,
  recipientPsid: string,
  window: SendWindow<string>,
  options: RenderOptions = {},
): RenderResult<SendBody> {
  const verdict = windowVerdict(profile.window, window);
  if (!verdict.ok) return { ok: false, reason: "outside_window", message: verdict.message };
  let rendered: OutgoingMessage;
  try {
    rendered = renderMessage(profile, message);
  } catch (error) {
    if (error instanceof LimitError) return { ok: false, reason: "limit", message: error.message };
    throw error;
  }
  const metadata =
    options.metadata === undefined
      ? CONVO_METADATA_PREFIX
      : `${CONVO_METADATA_PREFIX}|${options.metadata}`;
  if (metadata.length > MESSENGER_METADATA_LIMIT) {
    return {
      ok: false,
      reason: "limit",
      message: `Message metadata is over ${MESSENGER_METADATA_LIMIT} characters.`,
    };
  }
  const timing: Pick<SendBody, "messaging_type" | "tag"> =
    verdict.tag === undefined
      ? { messaging_type: "RESPONSE" }
      : { messaging_type: "MESSAGE_TAG", tag: verdict.tag as MessageTag };
  return {
    ok: true,
    body: {
      recipient: recipientOf(recipientPsid),
      ...timing,
      message: { ...rendered, metadata },
    },
  };
}

/**
 * A contact known only by the checkbox plugin's `user_ref` (no PSID before they answer) is kept
 * under this prefix; its messages go to `{ user_ref }`.
 */
export const USER_REF_RECIPIENT = "user_ref:";

function recipientOf(contactId: string): { id: string } | { user_ref: string } {
  return contactId.startsWith(USER_REF_RECIPIENT)
    ? { user_ref: contactId.slice(USER_REF_RECIPIENT.length) }
    : { id: contactId };
}

/** A typing indicator or read receipt for the contact. */
export function renderTyping(psid: string, state: "on" | "off" | "mark_seen"): SendBody {
  const action = state === "mark_seen" ? "mark_seen" : state === "on" ? "typing_on" : "typing_off";
  return { recipient: recipientOf(psid), sender_action: action };
}

class LimitError extends Error {}

function limit(message: string): never {
  throw new LimitError(message);
}

function renderMessage(p: SendProfile, message: OutMessage): OutgoingMessage {
  const quickReplies = renderQuickReplies(p, message.quickReplies);
  const withReplies = quickReplies ? { quick_replies: quickReplies } : {};
  switch (message.kind) {
    case "text":
      return { ...renderText(p, message.text, message.buttons ?? []), ...withReplies };
    case "media":
      checkUrl(p, message.url, `The ${message.mediaType} URL`);
      // A channel without this kind of attachment (Instagram has no files) gets the link.
      if (!p.media.has(message.mediaType)) return { text: message.url, ...withReplies };
      return {
        attachment: {
          type: message.mediaType,
          // Reusable: Meta caches the file, so the same image sent to many contacts uploads once.
          payload: { url: message.url, is_reusable: true },
        },
        ...withReplies,
      };
    case "cards":
      return {
        attachment: {
          type: "template",
          payload: {
            template_type: "generic",
            elements: renderCards(p, message.cards),
            ...(message.imageAspectRatio ? { image_aspect_ratio: message.imageAspectRatio } : {}),
          },
        },
        ...withReplies,
      };
    default:
      return assertNever(message);
  }
}

function renderText(p: SendProfile, text: string, buttons: OutButton[]): OutgoingMessage {
  if (text.trim() === "") limit(`The text is empty; ${p.name} does not send empty messages.`);
  if (buttons.length === 0) {
    const size = p.textInBytes ? utf8Length(text) : text.length;
    if (size > p.limits.text) {
      const unit = p.textInBytes ? "bytes" : "characters";
      limit(`The text is ${size} ${unit}; ${p.name} allows ${p.limits.text}.`);
    }
    return { text };
  }
  if (text.length > p.limits.buttonTemplateText) {
    limit(
      `A text with buttons is ${text.length} characters; ${p.name} allows ${p.limits.buttonTemplateText}.`,
    );
  }
  return {
    attachment: {
      type: "template",
      payload: { template_type: "button", text, buttons: renderButtons(p, buttons, "The text") },
    },
  };
}

function renderButtons(
  p: SendProfile,
  buttons: OutButton[],
  owner: string,
): [SendButton, ...SendButton[]] {
  if (buttons.length > p.limits.buttons) {
    limit(`${owner} has ${buttons.length} buttons; ${p.name} allows ${p.limits.buttons}.`);
  }
  return buttons.map((b) => renderButton(p, b)) as [SendButton, ...SendButton[]];
}

function renderButton(p: SendProfile, button: OutButton): SendButton {
  const title = button.title;
  if (title.trim() === "") limit("A button has no title.");
  if (title.length > p.limits.buttonTitle) {
    limit(
      `Button title "${title}" is ${title.length} characters; ${p.name} allows ${p.limits.buttonTitle}.`,
    );
  }
  switch (button.kind) {
    case "postback":
      checkPayload(p, button.payload, `Button "${title}"`);
      return { type: "postback", title, payload: button.payload };
    case "url":
      checkUrl(p, button.url, `Button "${title}"`);
      return {
        type: "web_url",
        title,
        url: button.url,
        ...(button.webviewHeight ? { webview_height_ratio: button.webviewHeight } : {}),
      };
    case "call": {
      if (!p.callButtons) limit(`Button "${title}" calls a number; ${p.name} has no call buttons.`);
      const phone = callNumber(button.phone);
      if (phone === undefined) {
        limit(
          `Button "${title}" calls "${button.phone}"; ${p.name} needs +<country code><number>.`,
        );
      }
      return { type: "phone_number", title, payload: phone };
    }
    default:
      return assertNever(button);
  }
}

function renderCards(p: SendProfile, cards: OutCard[]): [GenericElement, ...GenericElement[]] {
  if (cards.length === 0) limit("A card gallery has no cards.");
  if (cards.length > p.limits.cards) {
    limit(`The gallery has ${cards.length} cards; ${p.name} allows ${p.limits.cards}.`);
  }
  return cards.map((card, index) => {
    const name = `Card ${index + 1}`;
    if (card.title.trim() === "") limit(`${name} has no title.`);
    if (card.title.length > p.limits.cardTitle) {
      limit(
        `${name}'s title is ${card.title.length} characters; ${p.name} allows ${p.limits.cardTitle}.`,
      );
    }
    if (card.subtitle !== undefined && card.subtitle.length > p.limits.cardSubtitle) {
      limit(
        `${name}'s subtitle is ${card.subtitle.length} characters; ${p.name} allows ${p.limits.cardSubtitle}.`,
      );
    }
    if (card.imageUrl !== undefined) checkUrl(p, card.imageUrl, `${name}'s image`);
    if (card.url !== undefined) checkUrl(p, card.url, `${name}'s link`);
    const buttons = card.buttons ?? [];
    return {
      title: card.title,
      ...(card.subtitle ? { subtitle: card.subtitle } : {}),
      ...(card.imageUrl !== undefined ? { image_url: card.imageUrl } : {}),
      ...(card.url !== undefined
        ? { default_action: { type: "web_url" as const, url: card.url } }
        : {}),
      ...(buttons.length > 0 ? { buttons: renderButtons(p, buttons, name) } : {}),
    };
  }) as [GenericElement, ...GenericElement[]];
}

function renderQuickReplies(
  p: SendProfile,
  replies: OutQuickReply[] | undefined,
): SendQuickReply[] | undefined {
  if (!replies || replies.length === 0) return undefined;
  if (replies.length > p.limits.quickReplies) {
    limit(
      `The message has ${replies.length} quick replies; ${p.name} allows ${p.limits.quickReplies}.`,
    );
  }
  return replies.map((reply): SendQuickReply => {
    switch (reply.kind) {
      case "email":
        return { content_type: "user_email" };
      case "phone":
        return { content_type: "user_phone_number" };
      case "text": {
        const title = reply.title;
        if (title.trim() === "") limit("A quick reply has no title.");
        if (title.length > p.limits.quickReplyTitle) {
          limit(
            `Quick reply "${title}" is ${title.length} characters; ${p.name} allows ${p.limits.quickReplyTitle}.`,
          );
        }
        checkPayload(p, reply.payload, `Quick reply "${title}"`);
        if (reply.imageUrl !== undefined)
          checkUrl(p, reply.imageUrl, `Quick reply "${title}"'s image`);
        return {
          content_type: "text",
          title,
          payload: reply.payload,
          ...(reply.imageUrl !== undefined && p.quickReplyImages
            ? { image_url: reply.imageUrl }
            : {}),
        };
      }
      default:
        return assertNever(reply);
    }
  });
}

function checkPayload(p: SendProfile, payload: string, owner: string): void {
  if (payload === "") limit(`${owner} has an empty payload.`);
  const bytes = utf8Length(payload);
  if (bytes > p.limits.payload) {
    limit(`${owner}'s payload is ${bytes} bytes; ${p.name} allows ${p.limits.payload}.`);
  }
}

function checkUrl(p: SendProfile, url: string, owner: string): void {
  if (!isHttpUrl(url)) limit(`${owner} is "${url}"; ${p.name} only opens http(s) URLs.`);
}

function assertNever(value: never): never {
  throw new Error(`unhandled ${JSON.stringify(value)}`);
}
