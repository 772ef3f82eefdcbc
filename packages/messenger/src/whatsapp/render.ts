import type { OutButton, OutCard, OutMessage, OutQuickReply } from "@convo/flow";
import { callNumber } from "@convo/flow";
import type { OutTemplate, RenderOptions, RenderResult, SendWindow } from "../channel/types";
import { windowVerdict } from "../channel/window";
import { isHttpUrl } from "../send/url";
import { CONVO_METADATA_PREFIX } from "../webhook/metadata";
import { WHATSAPP_SHAPES as L, WHATSAPP_LIST_BUTTON } from "./limits";
import type { WhatsAppInteractive, WhatsAppMessage, WhatsAppSend } from "./schemas";
import { WHATSAPP_WINDOW } from "./window";

class LimitError extends Error {}
const limit = (message: string): never => {
  throw new LimitError(message);
};

interface Choice {
  id: string;
  title: string;
}

/**
 * Renders one engine message to the Cloud API bodies that show it, in order, or says why it
 * cannot go. Within the customer service window: a text; a text with up to 3 choices (postback
 * buttons and quick replies) as reply buttons, with 4 to 10 as a list message; one link button
 * alone as a `cta_url` button; other links and call buttons as lines of the text; media by link;
 * a card gallery as one message per card. Outside the window: the step's approved template, or a
 * refusal. Convo's mark goes in `biz_opaque_callback_data`, which status webhooks carry back.
 * Browser-safe.
 *
 * @example
 * const r = renderWhatsApp({ kind: "text", text: "Hi" }, "33612345678", { lastUserMessageAt, now });
 * // r.body.messages[0] → { messaging_product: "whatsapp", to, type: "text", text: { body: "Hi" } }
 */
export function renderWhatsApp(
  message: OutMessage,
  to: string,
  window: SendWindow<never>,
  options: RenderOptions = {},
): RenderResult<WhatsAppSend> {
  const mark =
    options.metadata === undefined
      ? CONVO_METADATA_PREFIX
      : `${CONVO_METADATA_PREFIX}|${options.metadata}`;
  if (mark.length > 512) {
    return { ok: false, reason: "limit", message: "Message metadata is over 512 characters." };
  }
  const base = {
    messaging_product: "whatsapp" as const,
    recipient_type: "individual" as const,
    to,
    biz_opaque_callback_data: mark,
  };
  const verdict = windowVerdict(WHATSAPP_WINDOW, window);
  try {
    if (!verdict.ok) {
      if (!options.template)
        return { ok: false, reason: "outside_window", message: verdict.message };
      const template = { ...base, ...renderTemplate(options.template) } as WhatsAppMessage;
      return { ok: true, body: { messages: [template] } };
    }
    const parts = renderParts(message);
    return {
      ok: true,
      body: { messages: parts.map((part) => ({ ...base, ...part }) as WhatsAppMessage) },
    };
  } catch (error) {
    if (error instanceof LimitError) return { ok: false, reason: "limit", message: error.message };
    throw error;
  }
}

type Common = "messaging_product" | "to" | "recipient_type" | "biz_opaque_callback_data";
/** One Cloud API body without its addressing. */
type Part = WhatsAppMessage extends infer M ? (M extends unknown ? Omit<M, Common> : never) : never;

function renderTemplate(template: OutTemplate): Part {
  if (!/^[a-z0-9_]+$/.test(template.name)) {
    limit(`Template "${template.name}" is not a WhatsApp template name (lowercase, digits, _).`);
  }
  const parameters = (template.parameters ?? []).map((text) => {
    if (text.trim() === "") limit(`Template "${template.name}" has an empty parameter.`);
    return { type: "text" as const, text };
  });
  return {
    type: "template",
    template: {
      name: template.name,
      language: { code: template.language },
      ...(parameters.length > 0 ? { components: [{ type: "body" as const, parameters }] } : {}),
    },
  };
}

function renderParts(message: OutMessage): Part[] {
  switch (message.kind) {
    case "text":
      return [renderText(message.text, message.buttons ?? [], message.quickReplies)];
    case "media": {
      checkUrl(message.url, `The ${message.mediaType} URL`);
      if (choicesOf([], message.quickReplies).length > 0) {
        limit(
          "WhatsApp shows quick replies only under a text: put them on a text after the media.",
        );
      }
      return [renderMedia(message.mediaType, message.url)];
    }
    case "cards": {
      if (message.cards.length === 0) limit("A card gallery has no cards.");
      // A gallery is one message per card; the step's quick replies go with the last one.
      return message.cards.map((card, i) =>
        renderCard(card, i, i === message.cards.length - 1 ? message.quickReplies : undefined),
      );
    }
    default:
      return assertNever(message);
  }
}

function renderMedia(
  kind: "image" | "video" | "audio" | "file",
  link: string,
  caption?: string,
): Part {
  const withCaption = caption === undefined || kind === "audio" ? {} : { caption };
  switch (kind) {
    case "image":
      return { type: "image", image: { link, ...withCaption } };
    case "video":
      return { type: "video", video: { link, ...withCaption } };
    case "audio":
      return { type: "audio", audio: { link } };
    case "file":
      return { type: "document", document: { link, ...withCaption } };
    default:
      return assertNever(kind);
  }
}

function renderText(text: string, buttons: OutButton[], replies?: OutQuickReply[]): Part {
  if (text.trim() === "") limit("The text is empty; WhatsApp does not send empty messages.");
  const choices = choicesOf(buttons, replies);
  const links = buttons.filter((b) => b.kind !== "postback");
  if (choices.length === 0 && links.length === 1 && links[0]?.kind === "url") {
    const button = links[0];
    checkUrl(button.url, `Button "${button.title}"`);
    checkBody(text);
    return {
      type: "interactive",
      interactive: {
        type: "cta_url",
        body: { text },
        action: { name: "cta_url", parameters: { display_text: button.title, url: button.url } },
      },
    };
  }
  const full = withLinkLines(text, links);
  if (choices.length === 0) {
    if (full.length > L.text) {
      limit(`The text is ${full.length} characters; WhatsApp allows ${L.text}.`);
    }
    return {
      type: "text",
      text: { body: full, ...(/https?:\/\//.test(full) ? { preview_url: true } : {}) },
    };
  }
  checkBody(full);
  return { type: "interactive", interactive: renderChoices({ text: full }, choices) };
}

function renderCard(card: OutCard, index: number, replies?: OutQuickReply[]): Part {
  const name = `Card ${index + 1}`;
  if (card.title.trim() === "") limit(`${name} has no title.`);
  if (card.imageUrl !== undefined) checkUrl(card.imageUrl, `${name}'s image`);
  const buttons = card.buttons ?? [];
  const links: OutButton[] = [
    ...(card.url === undefined ? [] : [{ kind: "url" as const, title: card.title, url: card.url }]),
    ...buttons.filter((b) => b.kind !== "postback"),
  ];
  const text = withLinkLines(
    card.subtitle ? `*${card.title}*\n${card.subtitle}` : `*${card.title}*`,
    links,
  );
  const choices = choicesOf(buttons, replies);
  if (choices.length === 0) {
    if (card.imageUrl === undefined) return { type: "text", text: { body: text } };
    if (text.length > L.caption) limit(`${name}'s caption is over ${L.caption} characters.`);
    return renderMedia("image", card.imageUrl, text);
  }
  checkBody(text);
  const header =
    card.imageUrl !== undefined && choices.length <= L.replyButtons
      ? { type: "image" as const, image: { link: card.imageUrl } }
      : undefined;
  return { type: "interactive", interactive: renderChoices({ text }, choices, header) };
}

/** Up to 3 choices as reply buttons, 4 to 10 as a list. */
function renderChoices(
  body: { text: string },
  choices: Choice[],
  header?: { type: "image"; image: { link: string } },
): WhatsAppInteractive {
  const titles = new Set<string>();
  for (const choice of choices) {
    if (titles.has(choice.title))
      limit(`Two choices are titled "${choice.title}"; WhatsApp needs them unique.`);
    titles.add(choice.title);
  }
  if (choices.length <= L.replyButtons) {
    for (const c of choices) {
      if (c.title.length > L.replyButtonTitle) {
        limit(
          `Button title "${c.title}" is ${c.title.length} characters; WhatsApp allows ${L.replyButtonTitle}.`,
        );
      }
      if (c.id.length > L.replyButtonId)
        limit(`Button "${c.title}"'s payload is over ${L.replyButtonId} characters.`);
    }
    return {
      type: "button",
      ...(header ? { header } : {}),
      body,
      action: {
        buttons: choices.map((c) => ({
          type: "reply" as const,
          reply: { id: c.id, title: c.title },
        })),
      },
    };
  }
  if (choices.length > L.listRows) {
    limit(`The step offers ${choices.length} choices; WhatsApp lists at most ${L.listRows}.`);
  }
  for (const c of choices) {
    if (c.title.length > L.listRowTitle) {
      limit(
        `Choice "${c.title}" is ${c.title.length} characters; a WhatsApp list row allows ${L.listRowTitle}.`,
      );
    }
    if (c.id.length > L.listRowId)
      limit(`Choice "${c.title}"'s payload is over ${L.listRowId} characters.`);
  }
  return {
    type: "list",
    body,
    action: {
      button: WHATSAPP_LIST_BUTTON,
      sections: [{ rows: choices.map((c) => ({ id: c.id, title: c.title })) }],
    },
  };
}

/** Postback buttons, then text quick replies (WhatsApp knows the phone; email/phone are dropped). */
function choicesOf(buttons: OutButton[], replies: OutQuickReply[] | undefined): Choice[] {
  const choices: Choice[] = [];
  for (const b of buttons) {
    if (b.kind !== "postback") continue;
    if (b.title.trim() === "") limit("A button has no title.");
    if (b.payload === "") limit(`Button "${b.title}" has an empty payload.`);
    choices.push({ id: b.payload, title: b.title });
  }
  for (const r of replies ?? []) {
    if (r.kind !== "text") continue;
    if (r.title.trim() === "") limit("A quick reply has no title.");
    if (r.payload === "") limit(`Quick reply "${r.title}" has an empty payload.`);
    choices.push({ id: r.payload, title: r.title });
  }
  return choices;
}

/** WhatsApp has no link or call buttons beside reply buttons: they become lines of the text. */
function withLinkLines(text: string, links: OutButton[]): string {
  const lines = links.map((b) => {
    if (b.kind === "url") {
      checkUrl(b.url, `Button "${b.title}"`);
      return `${b.title}: ${b.url}`;
    }
    if (b.kind === "call") {
      const phone = callNumber(b.phone);
      if (phone === undefined)
        limit(`Button "${b.title}" calls "${b.phone}"; WhatsApp needs +<country code><number>.`);
      return `${b.title}: ${phone}`;
    }
    return "";
  });
  return lines.length === 0 ? text : `${text}\n\n${lines.join("\n")}`;
}

function checkBody(text: string): void {
  if (text.length > L.interactiveBody) {
    limit(
      `A text with choices is ${text.length} characters; WhatsApp allows ${L.interactiveBody}.`,
    );
  }
}

function checkUrl(url: string, owner: string): void {
  if (!isHttpUrl(url)) limit(`${owner} is "${url}"; WhatsApp only opens http(s) URLs.`);
}

function assertNever(value: never): never {
  throw new Error(`unhandled ${JSON.stringify(value)}`);
}

/**
 * WhatsApp has no typing indicator without the message being answered (it rides on marking that
 * message read), so a typing pause sends nothing.
 */
export function renderWhatsAppTyping(): WhatsAppSend {
  return { messages: [] };
}
