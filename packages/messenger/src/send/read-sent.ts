import type { OutButton, OutCard, OutMessage, OutQuickReply } from "@convo/flow";
import type { SentItem } from "../channel/types";

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const WEBVIEW = new Set(["compact", "tall", "full"]);

/**
 * A Send API body read back as the engine message it shows: the inverse of `renderSend` for every
 * shape it writes (a test checks the round trip), so the editor's sandbox draws on the phone what
 * the runtime sent. Anything else is shown as its JSON. Browser-safe.
 *
 * @example
 * readSendBody({ recipient: { id }, message: { text: "Hi" } })
 * // → { kind: "message", message: { kind: "text", text: "Hi" } }
 */
export function readSendBody(body: unknown): SentItem {
  if (!isRecord(body)) return { kind: "other", text: JSON.stringify(body) ?? String(body) };
  if (body.sender_action === "typing_on") return { kind: "typing", on: true };
  if (typeof body.sender_action === "string") return { kind: "typing", on: false };
  const message = body.message;
  if (!isRecord(message)) return { kind: "other", text: JSON.stringify(body) };
  const tag = typeof body.tag === "string" ? { tag: body.tag } : {};
  const read = readMessage(message);
  return read
    ? { kind: "message", message: read, ...tag }
    : { kind: "other", text: JSON.stringify(message) };
}

function readMessage(message: Json): OutMessage | undefined {
  const quickReplies = list(message.quick_replies).flatMap(readQuickReply);
  const extra = quickReplies.length > 0 ? { quickReplies } : {};
  if (typeof message.text === "string") return { kind: "text", text: message.text, ...extra };
  const attachment = isRecord(message.attachment) ? message.attachment : {};
  const payload = isRecord(attachment.payload) ? attachment.payload : {};
  if (attachment.type === "template" && payload.template_type === "button") {
    const buttons = list(payload.buttons).flatMap(readButton);
    return { kind: "text", text: str(payload.text), buttons, ...extra };
  }
  if (attachment.type === "template" && payload.template_type === "generic") {
    const cards = list(payload.elements).flatMap(readCard);
    const ratio = payload.image_aspect_ratio;
    return {
      kind: "cards",
      cards,
      ...(ratio === "square" || ratio === "horizontal" ? { imageAspectRatio: ratio } : {}),
      ...extra,
    };
  }
  const media = attachment.type;
  if (media === "image" || media === "video" || media === "audio" || media === "file") {
    return { kind: "media", mediaType: media, url: str(payload.url), ...extra };
  }
  return undefined;
}

function readCard(element: unknown): OutCard[] {
  if (!isRecord(element)) return [];
  const buttons = list(element.buttons).flatMap(readButton);
  const link = isRecord(element.default_action) ? element.default_action.url : undefined;
  return [
    {
      title: str(element.title),
      ...(typeof element.subtitle === "string" ? { subtitle: element.subtitle } : {}),
      ...(typeof element.image_url === "string" ? { imageUrl: element.image_url } : {}),
      ...(typeof link === "string" ? { url: link } : {}),
      ...(buttons.length > 0 ? { buttons } : {}),
    },
  ];
}

function readButton(b: unknown): OutButton[] {
  if (!isRecord(b)) return [];
  const title = str(b.title);
  if (b.type === "postback") return [{ kind: "postback", title, payload: str(b.payload) }];
  if (b.type === "web_url") {
    const height = b.webview_height_ratio;
    return [
      {
        kind: "url",
        title,
        url: str(b.url),
        ...(typeof height === "string" && WEBVIEW.has(height)
          ? { webviewHeight: height as "compact" | "tall" | "full" }
          : {}),
      },
    ];
  }
  if (b.type === "phone_number") return [{ kind: "call", title, phone: str(b.payload) }];
  return [];
}

function readQuickReply(q: unknown): OutQuickReply[] {
  if (!isRecord(q)) return [];
  if (q.content_type === "user_email") return [{ kind: "email" }];
  if (q.content_type === "user_phone_number") return [{ kind: "phone" }];
  if (q.content_type !== "text") return [];
  return [
    {
      kind: "text",
      title: str(q.title),
      payload: str(q.payload),
      ...(typeof q.image_url === "string" ? { imageUrl: q.image_url } : {}),
    },
  ];
}
