import type { OutButton, OutCard, OutMessage, OutQuickReply } from "@convo/flow";
import { callNumber, utf8Length } from "@convo/flow";
import type { RenderOptions, RenderResult, SendWindow } from "../channel/types";
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
  const verdict = windowVerdict(MESSENGER_WINDOW, window);
  if (!verdict.ok) return { ok: false, reason: "outside_window", message: verdict.message };
  let rendered: OutgoingMessage;
  try {
    rendered = renderMessage(message);
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
      : { messaging_type: "MESSAGE_TAG", tag: verdict.tag };
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

function renderMessage(message: OutMessage): OutgoingMessage {
  const quickReplies = renderQuickReplies(message.quickReplies);
  const withReplies = quickReplies ? { quick_replies: quickReplies } : {};
  switch (message.kind) {
    case "text":
      return { ...renderText(message.text, message.buttons ?? []), ...withReplies };
    case "media":
      checkUrl(message.url, `The ${message.mediaType} URL`);
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
            elements: renderCards(message.cards),
            ...(message.imageAspectRatio ? { image_aspect_ratio: message.imageAspectRatio } : {}),
          },
        },
        ...withReplies,
      };
    default:
      return assertNever(message);
  }
}

function renderText(text: string, buttons: OutButton[]): OutgoingMessage {
  if (text.trim() === "") limit("The text is empty; Messenger does not send empty messages.");
  if (buttons.length === 0) {
    if (text.length > MESSENGER_LIMITS.text) {
      limit(`The text is ${text.length} characters; Messenger allows ${MESSENGER_LIMITS.text}.`);
    }
    return { text };
  }
  if (text.length > MESSENGER_LIMITS.buttonTemplateText) {
    limit(
      `A text with buttons is ${text.length} characters; Messenger allows ${MESSENGER_LIMITS.buttonTemplateText}.`,
    );
  }
  return {
    attachment: {
      type: "template",
      payload: { template_type: "button", text, buttons: renderButtons(buttons, "The text") },
    },
  };
}

function renderButtons(buttons: OutButton[], owner: string): [SendButton, ...SendButton[]] {
  if (buttons.length > MESSENGER_LIMITS.buttons) {
    limit(`${owner} has ${buttons.length} buttons; Messenger allows ${MESSENGER_LIMITS.buttons}.`);
  }
  return buttons.map(renderButton) as [SendButton, ...SendButton[]];
}

function renderButton(button: OutButton): SendButton {
  const title = button.title;
  if (title.trim() === "") limit("A button has no title.");
  if (title.length > MESSENGER_LIMITS.buttonTitle) {
    limit(
      `Button title "${title}" is ${title.length} characters; Messenger allows ${MESSENGER_LIMITS.buttonTitle}.`,
    );
  }
  switch (button.kind) {
    case "postback":
      checkPayload(button.payload, `Button "${title}"`);
      return { type: "postback", title, payload: button.payload };
    case "url":
      checkUrl(button.url, `Button "${title}"`);
      return {
        type: "web_url",
        title,
        url: button.url,
        ...(button.webviewHeight ? { webview_height_ratio: button.webviewHeight } : {}),
      };
    case "call": {
      const phone = callNumber(button.phone);
      if (phone === undefined) {
        limit(
          `Button "${title}" calls "${button.phone}"; Messenger needs +<country code><number>.`,
        );
      }
      return { type: "phone_number", title, payload: phone };
    }
    default:
      return assertNever(button);
  }
}

function renderCards(cards: OutCard[]): [GenericElement, ...GenericElement[]] {
  if (cards.length === 0) limit("A card gallery has no cards.");
  if (cards.length > MESSENGER_LIMITS.cards) {
    limit(`The gallery has ${cards.length} cards; Messenger allows ${MESSENGER_LIMITS.cards}.`);
  }
  return cards.map((card, index) => {
    const name = `Card ${index + 1}`;
    if (card.title.trim() === "") limit(`${name} has no title.`);
    if (card.title.length > MESSENGER_LIMITS.cardTitle) {
      limit(
        `${name}'s title is ${card.title.length} characters; Messenger allows ${MESSENGER_LIMITS.cardTitle}.`,
      );
    }
    if (card.subtitle !== undefined && card.subtitle.length > MESSENGER_LIMITS.cardSubtitle) {
      limit(
        `${name}'s subtitle is ${card.subtitle.length} characters; Messenger allows ${MESSENGER_LIMITS.cardSubtitle}.`,
      );
    }
    if (card.imageUrl !== undefined) checkUrl(card.imageUrl, `${name}'s image`);
    if (card.url !== undefined) checkUrl(card.url, `${name}'s link`);
    const buttons = card.buttons ?? [];
    return {
      title: card.title,
      ...(card.subtitle ? { subtitle: card.subtitle } : {}),
      ...(card.imageUrl !== undefined ? { image_url: card.imageUrl } : {}),
      ...(card.url !== undefined
        ? { default_action: { type: "web_url" as const, url: card.url } }
        : {}),
      ...(buttons.length > 0 ? { buttons: renderButtons(buttons, name) } : {}),
    };
  }) as [GenericElement, ...GenericElement[]];
}

function renderQuickReplies(replies: OutQuickReply[] | undefined): SendQuickReply[] | undefined {
  if (!replies || replies.length === 0) return undefined;
  if (replies.length > MESSENGER_LIMITS.quickReplies) {
    limit(
      `The message has ${replies.length} quick replies; Messenger allows ${MESSENGER_LIMITS.quickReplies}.`,
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
        if (title.length > MESSENGER_LIMITS.quickReplyTitle) {
          limit(
            `Quick reply "${title}" is ${title.length} characters; Messenger allows ${MESSENGER_LIMITS.quickReplyTitle}.`,
          );
        }
        checkPayload(reply.payload, `Quick reply "${title}"`);
        if (reply.imageUrl !== undefined)
          checkUrl(reply.imageUrl, `Quick reply "${title}"'s image`);
        return {
          content_type: "text",
          title,
          payload: reply.payload,
          ...(reply.imageUrl !== undefined ? { image_url: reply.imageUrl } : {}),
        };
      }
      default:
        return assertNever(reply);
    }
  });
}

function checkPayload(payload: string, owner: string): void {
  if (payload === "") limit(`${owner} has an empty payload.`);
  const bytes = utf8Length(payload);
  if (bytes > MESSENGER_LIMITS.payload) {
    limit(`${owner}'s payload is ${bytes} bytes; Messenger allows ${MESSENGER_LIMITS.payload}.`);
  }
}

function checkUrl(url: string, owner: string): void {
  if (!isHttpUrl(url)) limit(`${owner} is "${url}"; Messenger only opens http(s) URLs.`);
}

function assertNever(value: never): never {
  throw new Error(`unhandled ${JSON.stringify(value)}`);
}
