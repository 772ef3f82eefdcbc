import fc from "fast-check";
import { optional } from "../../testing/optional";
import type { NodeArbitrary, Vocabulary } from "../../testing/vocabulary";
import { MESSAGE_LIMITS, SEND_AS } from "./schema";

const button = (w: Vocabulary) =>
  fc.oneof(
    fc.record({ id: w.id, kind: fc.constant("postback" as const), title: w.title }),
    fc.record({
      id: w.id,
      kind: fc.constant("url" as const),
      title: w.title,
      url: w.url,
      webviewHeight: optional(
        fc.constantFrom("compact" as const, "tall" as const, "full" as const),
      ),
    }),
    fc.record({ id: w.id, kind: fc.constant("call" as const), title: w.title, phone: w.phone }),
  );

const block = (w: Vocabulary) =>
  fc.oneof(
    fc.record({
      id: w.id,
      kind: fc.constant("text" as const),
      text: w.text,
      buttons: optional(w.list(button(w), 4)),
    }),
    fc.record({
      id: w.id,
      kind: fc.constantFrom("image" as const, "video" as const, "audio" as const, "file" as const),
      url: w.url,
    }),
    fc.record({
      id: w.id,
      kind: fc.constant("cards" as const),
      imageAspectRatio: optional(fc.constantFrom("horizontal" as const, "square" as const)),
      cards: fc.array(
        fc.record({
          id: w.id,
          title: w.title,
          subtitle: optional(w.text),
          imageUrl: optional(w.url),
          url: optional(w.url),
          buttons: optional(w.list(button(w), 3)),
        }),
        { maxLength: 3 },
      ),
    }),
    fc.record({
      id: w.id,
      kind: fc.constant("typing" as const),
      seconds: fc.integer(MESSAGE_LIMITS.typingSeconds),
    }),
  );

export const messageArbitrary: NodeArbitrary<"message"> = (w) =>
  fc.record({
    label: w.label,
    sendAs: optional(fc.constantFrom(...SEND_AS)),
    content: fc.array(block(w), { maxLength: 3 }),
    quickReplies: optional(
      w.list(fc.record({ id: w.id, title: w.title, imageUrl: optional(w.url) }), 3),
    ),
  });
