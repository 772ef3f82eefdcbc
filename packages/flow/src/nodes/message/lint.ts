import type { LintChannel } from "../../limits";
import type { NodeLintContext } from "../../lint/context";
import { callNumber, isHttpUrlOrTemplate } from "../../lint/url";
import type { NodeOfType } from "../../node-types";
import type { Button } from "../../types";

type Report = (
  code: string,
  severity: "error" | "warning",
  path: string,
  message: string,
  params?: Record<string, string | number>,
) => void;

function lintButtons(
  buttons: readonly Button[] | undefined,
  path: string,
  report: Report,
  { name, limits }: LintChannel,
): void {
  if (!buttons) return;
  if (buttons.length > limits.buttons) {
    report(
      "too-many-buttons",
      "error",
      `${path}.buttons`,
      `${name} shows at most ${limits.buttons} buttons here; this has ${buttons.length}.`,
      { count: buttons.length, max: limits.buttons, channel: name },
    );
  }
  buttons.forEach((button, i) => {
    const at = `${path}.buttons[${i}]`;
    if (button.title.trim() === "") {
      report("button-title-empty", "error", `${at}.title`, "A button needs a title.");
    } else if (button.title.length > limits.buttonTitle) {
      report(
        "button-title-too-long",
        "error",
        `${at}.title`,
        `The button title "${button.title}" is ${button.title.length} characters; ${name} allows ${limits.buttonTitle}.`,
        { length: button.title.length, max: limits.buttonTitle },
      );
    }
    if (button.kind === "url" && !isHttpUrlOrTemplate(button.url)) {
      report(
        "url-not-http",
        "error",
        `${at}.url`,
        `The link "${button.url}" must start with http:// or https://.`,
      );
    }
    if (button.kind === "call" && callNumber(button.phone) === undefined) {
      report(
        "phone-invalid",
        "error",
        `${at}.phone`,
        `The phone number "${button.phone}" must be in international form, like +33612345678.`,
      );
    }
  });
}

/** Messenger's limits on what a message step sends. */
export function lintMessage(
  node: NodeOfType<"message">,
  nodeIndex: number,
  { problems, channel }: NodeLintContext,
): void {
  const { name, limits } = channel;
  const report: Report = (code, severity, path, message, params) =>
    problems.onNode(nodeIndex, node, code, severity, path, message, params);

  if (node.data.content.length === 0) {
    report("message-empty", "error", "data.content", "This message has nothing to send yet.");
  }
  node.data.content.forEach((block, b) => {
    const path = `data.content[${b}]`;
    switch (block.kind) {
      case "text": {
        const hasButtons = (block.buttons?.length ?? 0) > 0;
        const max = hasButtons ? limits.buttonTemplateText : limits.text;
        if (block.text.trim() === "") {
          report("text-empty", "error", `${path}.text`, "This text bubble is empty.");
        } else if (block.text.length > max) {
          report(
            "text-too-long",
            "error",
            `${path}.text`,
            hasButtons
              ? `A text with buttons can be ${max} characters long; this one is ${block.text.length}.`
              : `A text can be ${max} characters long; this one is ${block.text.length}.`,
            { length: block.text.length, max },
          );
        }
        lintButtons(block.buttons, path, report, channel);
        break;
      }
      case "image":
      case "video":
      case "audio":
      case "file":
        if (!isHttpUrlOrTemplate(block.url)) {
          report(
            "url-not-http",
            "error",
            `${path}.url`,
            `The ${block.kind} address must start with http:// or https://.`,
          );
        }
        break;
      case "cards":
        if (block.cards.length === 0) {
          report("cards-empty", "error", `${path}.cards`, "A gallery needs at least one card.");
        } else if (block.cards.length > limits.cards) {
          report(
            "too-many-cards",
            "error",
            `${path}.cards`,
            `A gallery holds at most ${limits.cards} cards; this one has ${block.cards.length}.`,
            { count: block.cards.length, max: limits.cards, channel: name },
          );
        }
        block.cards.forEach((card, c) => {
          const at = `${path}.cards[${c}]`;
          if (card.title.trim() === "") {
            report("card-title-empty", "error", `${at}.title`, "A card needs a title.");
          } else if (card.title.length > limits.cardTitle) {
            report(
              "card-title-too-long",
              "error",
              `${at}.title`,
              `A card title can be ${limits.cardTitle} characters long; this one is ${card.title.length}.`,
              { length: card.title.length, max: limits.cardTitle },
            );
          }
          if (card.subtitle !== undefined && card.subtitle.length > limits.cardSubtitle) {
            report(
              "card-subtitle-too-long",
              "error",
              `${at}.subtitle`,
              `A card subtitle can be ${limits.cardSubtitle} characters long; this one is ${card.subtitle.length}.`,
              { length: card.subtitle.length, max: limits.cardSubtitle },
            );
          }
          for (const key of ["imageUrl", "url"] as const) {
            const value = card[key];
            if (value !== undefined && !isHttpUrlOrTemplate(value)) {
              report(
                "url-not-http",
                "error",
                `${at}.${key}`,
                `The address "${value}" must start with http:// or https://.`,
              );
            }
          }
          lintButtons(card.buttons, at, report, channel);
        });
        break;
      case "typing":
        break;
    }
  });

  const replies = node.data.quickReplies ?? [];
  if (replies.length > limits.quickReplies) {
    report(
      "too-many-quick-replies",
      "error",
      "data.quickReplies",
      `${name} shows at most ${limits.quickReplies} quick replies; this has ${replies.length}.`,
      { count: replies.length, max: limits.quickReplies, channel: name },
    );
  }
  replies.forEach((reply, i) => {
    const at = `data.quickReplies[${i}]`;
    if (reply.title.trim() === "") {
      report("quick-reply-title-empty", "error", `${at}.title`, "A quick reply needs a title.");
    } else if (reply.title.length > limits.quickReplyTitle) {
      report(
        "quick-reply-title-too-long",
        "error",
        `${at}.title`,
        `The quick reply "${reply.title}" is ${reply.title.length} characters; ${name} allows ${limits.quickReplyTitle}.`,
        { length: reply.title.length, max: limits.quickReplyTitle },
      );
    }
    if (reply.imageUrl !== undefined && !isHttpUrlOrTemplate(reply.imageUrl)) {
      report(
        "url-not-http",
        "error",
        `${at}.imageUrl`,
        "The quick reply image must start with http:// or https://.",
      );
    }
  });
  if (replies.length > 0 && node.data.content.at(-1)?.kind === "typing") {
    report(
      "quick-replies-after-typing",
      "warning",
      "data.quickReplies",
      "Quick replies are shown under the last bubble; end the message with a bubble, not a pause.",
    );
  }
}
