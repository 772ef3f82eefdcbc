import type { OutMessage } from "@convo/flow";
import type { ChannelSpec } from "./types";

/** What the contact sees of one engine message, or why the channel refuses it. */
export type Preview = { ok: true; messages: OutMessage[] } | { ok: false; message: string };

/**
 * An engine message as a contact sees it on a channel, within the window: rendered to the
 * channel's bodies, then read back (`readSent`) message by message. On WhatsApp, four buttons come
 * back as the rows of a list and a gallery as one message per card; a message past a limit is
 * refused with the channel's reason. Scripts check their expectations against this. Browser-safe.
 */
export function previewOn(spec: ChannelSpec, message: OutMessage): Preview {
  const now = Date.UTC(2026, 0, 1);
  const rendered = spec.render(message, "preview", { lastUserMessageAt: now, now });
  if (!rendered.ok) return { ok: false, message: rendered.message };
  const messages: OutMessage[] = [];
  for (const call of spec.callsOf(rendered.body)) {
    const seen = spec.readSent(call);
    if (seen.kind === "message") messages.push(seen.message);
  }
  return { ok: true, messages: keepQuickReplies(message, messages) };
}

/**
 * A channel without quick replies (WhatsApp) shows them as reply buttons or list rows, which read
 * back as postback buttons. Those whose payload is one of the message's quick replies are put
 * back as quick replies: the contact taps them the same way, and a script says `quickReplies`
 * for them on every channel.
 */
function keepQuickReplies(original: OutMessage, shown: OutMessage[]): OutMessage[] {
  const asked = new Map(
    (original.quickReplies ?? []).flatMap((q) =>
      q.kind === "text" ? [[q.payload, q] as const] : [],
    ),
  );
  const last = shown.at(-1);
  if (asked.size === 0 || last?.kind !== "text" || last.quickReplies?.length) return shown;
  const buttons = last.buttons ?? [];
  const replies = buttons.flatMap((b) => {
    const reply = b.kind === "postback" ? asked.get(b.payload) : undefined;
    return reply ? [{ ...reply, title: b.title }] : [];
  });
  if (replies.length === 0) return shown;
  const rest = buttons.filter((b) => !(b.kind === "postback" && asked.has(b.payload)));
  const { buttons: _buttons, ...text } = last;
  return [
    ...shown.slice(0, -1),
    { ...text, ...(rest.length > 0 ? { buttons: rest } : {}), quickReplies: replies },
  ];
}
