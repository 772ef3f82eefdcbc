import type { OutButton, OutCard, OutMessage, OutQuickReply } from "@convo/engine";

/**
 * What the runtime sent to the Graph API, read back as the phone shows it. The inverse of
 * `@convo/messenger`'s renderer for the shapes it produces; anything else is shown as raw text.
 */
export type SentItem =
  | { kind: "message"; message: OutMessage; tag?: string }
  | { kind: "typing"; on: boolean }
  | { kind: "other"; text: string };

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function readSendBody(body: unknown): SentItem {
  if (!isRecord(body)) return { kind: "other", text: JSON.stringify(body) };
  if (body.sender_action === "typing_on") return { kind: "typing", on: true };
  if (typeof body.sender_action === "string") return { kind: "typing", on: false };
  const message = body.message;
  if (!isRecord(message)) return { kind: "other", text: JSON.stringify(body) };
  const quickReplies = list(message.quick_replies).flatMap(readQuickReply);
  const extra = quickReplies.length > 0 ? { quickReplies } : {};
  const tag = typeof body.tag === "string" ? { tag: body.tag } : {};
  if (typeof message.text === "string") {
    return { kind: "message", message: { kind: "text", text: message.text, ...extra }, ...tag };
  }
  const attachment = isRecord(message.attachment) ? message.attachment : {};
  const payload = isRecord(attachment.payload) ? attachment.payload : {};
  if (attachment.type === "template" && payload.template_type === "button") {
    const buttons = list(payload.buttons).flatMap(readButton);
    return {
      kind: "message",
      message: { kind: "text", text: str(payload.text), buttons, ...extra },
      ...tag,
    };
  }
  if (attachment.type === "template" && payload.template_type === "generic") {
    const cards: OutCard[] = list(payload.elements).flatMap((e) => {
      if (!isRecord(e)) return [];
      const buttons = list(e.buttons).flatMap(readButton);
      return [
        {
          title: str(e.title),
          ...(typeof e.subtitle === "string" ? { subtitle: e.subtitle } : {}),
          ...(typeof e.image_url === "string" ? { imageUrl: e.image_url } : {}),
          ...(buttons.length > 0 ? { buttons } : {}),
        },
      ];
    });
    const ratio = payload.image_aspect_ratio === "square" ? "square" : "horizontal";
    return {
      kind: "message",
      message: { kind: "cards", cards, imageAspectRatio: ratio, ...extra },
      ...tag,
    };
  }
  const media = attachment.type;
  if (media === "image" || media === "video" || media === "audio" || media === "file") {
    return {
      kind: "message",
      message: { kind: "media", mediaType: media, url: str(payload.url), ...extra },
      ...tag,
    };
  }
  return { kind: "other", text: JSON.stringify(message) };
}

function readButton(b: unknown): OutButton[] {
  if (!isRecord(b)) return [];
  const title = str(b.title);
  if (b.type === "postback") return [{ kind: "postback", title, payload: str(b.payload) }];
  if (b.type === "web_url") return [{ kind: "url", title, url: str(b.url) }];
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
