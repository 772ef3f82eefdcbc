import type { OutButton, OutMessage } from "@convo/flow";
import type { SentItem } from "../channel/types";

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * One Cloud API message body (what the emulator records per call) read back as the message it
 * shows, so the sandbox draws a WhatsApp bubble: a text, reply buttons and list rows as postback
 * buttons, a `cta_url` as a link button, media, a template by name. Browser-safe.
 */
export function readWhatsAppBody(body: unknown): SentItem {
  if (!isRecord(body)) return { kind: "other", text: JSON.stringify(body) ?? String(body) };
  if (body.status === "read") return { kind: "typing", on: isRecord(body.typing_indicator) };
  const message = readMessage(body);
  return message ? { kind: "message", message } : { kind: "other", text: JSON.stringify(body) };
}

function readMessage(body: Json): OutMessage | undefined {
  const type = str(body.type);
  const value = isRecord(body[type]) ? (body[type] as Json) : {};
  if (type === "text") return { kind: "text", text: str(value.body) };
  if (type === "image" || type === "video" || type === "audio" || type === "document") {
    return { kind: "media", mediaType: type === "document" ? "file" : type, url: str(value.link) };
  }
  if (type === "template") {
    const language = isRecord(value.language) ? str(value.language.code) : "";
    return { kind: "text", text: `[template ${str(value.name)} (${language})]` };
  }
  if (type !== "interactive") return undefined;
  const text = isRecord(value.body) ? str(value.body.text) : "";
  const action = isRecord(value.action) ? value.action : {};
  let buttons: OutButton[] = [];
  if (value.type === "button") {
    buttons = list(action.buttons).flatMap((b) =>
      isRecord(b) && isRecord(b.reply)
        ? [{ kind: "postback" as const, title: str(b.reply.title), payload: str(b.reply.id) }]
        : [],
    );
  } else if (value.type === "list") {
    buttons = list(action.sections).flatMap((s) =>
      isRecord(s)
        ? list(s.rows).flatMap((r) =>
            isRecord(r)
              ? [{ kind: "postback" as const, title: str(r.title), payload: str(r.id) }]
              : [],
          )
        : [],
    );
  } else if (value.type === "cta_url" && isRecord(action.parameters)) {
    const p = action.parameters;
    buttons = [{ kind: "url", title: str(p.display_text), url: str(p.url) }];
  }
  return buttons.length > 0 ? { kind: "text", text, buttons } : { kind: "text", text };
}
