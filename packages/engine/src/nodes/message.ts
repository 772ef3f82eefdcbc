import {
  assertNever,
  type Button,
  type Card,
  encodePayload,
  type Flow,
  messageWaits,
  type NodeOfType,
} from "@convo/flow";
import { ENGINE_LIMITS, fitText } from "../limits";
import type { Next, Run } from "../run";
import type { FlowRef, OutButton, OutCard, OutMessage, OutQuickReply } from "../types";
import type { EngineNodeKind } from "./kind";

/**
 * Sends the node's blocks in order (a typing block becomes a `typing` action); quick replies go
 * under the last message sent. A node offering something to tap waits for it; otherwise it goes on.
 */
function runMessage(run: Run, ref: FlowRef, node: NodeOfType<"message">): Next {
  const { flow } = ref;
  // Messages are emitted as they are rendered; the quick replies are added to the last one
  // afterwards (the action holds the same object), so a typing pause keeps its place.
  let last: OutMessage | undefined;
  const template = node.data.whatsappTemplate;
  // The node is already in the contact's language (the template's `language` too); parameters
  // are a list, so their translation is read here.
  const parameters =
    template?.translations?.[run.language(flow)]?.parameters ?? template?.parameters;
  const sendAs = node.data.sendAs;
  const tag = sendAs === undefined || sendAs === "standard" ? undefined : sendAs;
  for (const block of node.data.content) {
    if (block.kind === "typing") {
      run.emit({ type: "typing", seconds: block.seconds });
      continue;
    }
    let message: OutMessage | undefined;
    switch (block.kind) {
      case "text": {
        const buttons = renderButtons(run, ref, node.id, block.buttons);
        const limits = run.context.limits;
        const max =
          (buttons ? limits?.buttonTemplateText : limits?.text) ?? ENGINE_LIMITS.outgoingText;
        const text = fitText(run.render(flow, block.text), max);
        if (text.trim() === "" && !buttons) break;
        message = buttons ? { kind: "text", text, buttons } : { kind: "text", text };
        break;
      }
      case "image":
      case "video":
      case "audio":
      case "file":
        message = { kind: "media", mediaType: block.kind, url: run.render(flow, block.url) };
        break;
      case "cards": {
        const cards: OutCard[] = [];
        for (const card of block.cards) cards.push(renderCard(run, ref, node.id, card));
        if (cards.length === 0) break;
        message = block.imageAspectRatio
          ? { kind: "cards", cards, imageAspectRatio: block.imageAspectRatio }
          : { kind: "cards", cards };
        break;
      }
    }
    if (message) {
      // The step's template stands for the step: it goes with its first message only.
      const instead =
        template && last === undefined
          ? {
              template: {
                name: template.name,
                language: template.language,
                ...(parameters ? { parameters: parameters.map((p) => run.render(flow, p)) } : {}),
              },
            }
          : {};
      run.emit({
        type: "send",
        message,
        nodeId: node.id,
        flowId: flow.id,
        ...instead,
        ...(tag === undefined ? {} : { tag }),
      });
      last = message;
    }
  }
  const replies = node.data.quickReplies;
  if (last && replies && replies.length > 0) {
    const quickReplies: OutQuickReply[] = [];
    for (const reply of replies) {
      const out: OutQuickReply = {
        kind: "text",
        title: fitText(run.render(flow, reply.title), run.context.limits?.quickReplyTitle),
        payload: encodePayload({
          flowId: flow.id,
          version: ref.version,
          nodeId: node.id,
          handle: reply.id,
        }),
      };
      if (reply.imageUrl) out.imageUrl = run.render(flow, reply.imageUrl);
      quickReplies.push(out);
    }
    last.quickReplies = quickReplies;
  }
  if (messageWaits(node)) {
    return run.wait({ kind: "tap", flowId: flow.id, nodeId: node.id });
  }
  return run.leave(ref, node.id, "next");
}

function renderButtons(
  run: Run,
  ref: FlowRef,
  nodeId: string,
  buttons: readonly Button[] | undefined,
): OutButton[] | undefined {
  if (!buttons || buttons.length === 0) return undefined;
  const out: OutButton[] = [];
  for (const button of buttons) out.push(renderButton(run, ref, nodeId, button));
  return out;
}

function renderButton(run: Run, ref: FlowRef, nodeId: string, button: Button): OutButton {
  const flow: Flow = ref.flow;
  const title = fitText(run.render(flow, button.title), run.context.limits?.buttonTitle);
  switch (button.kind) {
    case "postback":
      return {
        kind: "postback",
        title,
        payload: encodePayload({
          flowId: flow.id,
          version: ref.version,
          nodeId,
          handle: button.id,
        }),
      };
    case "url": {
      const out: OutButton = { kind: "url", title, url: run.render(flow, button.url) };
      if (button.webviewHeight) out.webviewHeight = button.webviewHeight;
      return out;
    }
    case "call":
      return { kind: "call", title, phone: run.render(flow, button.phone) };
    default:
      return assertNever(button);
  }
}

function renderCard(run: Run, ref: FlowRef, nodeId: string, card: Card): OutCard {
  const flow = ref.flow;
  const out: OutCard = {
    title: fitText(run.render(flow, card.title), run.context.limits?.cardTitle),
  };
  if (card.subtitle) {
    out.subtitle = fitText(run.render(flow, card.subtitle), run.context.limits?.cardSubtitle);
  }
  if (card.imageUrl) out.imageUrl = run.render(flow, card.imageUrl);
  if (card.url) out.url = run.render(flow, card.url);
  const buttons = renderButtons(run, ref, nodeId, card.buttons);
  if (buttons) out.buttons = buttons;
  return out;
}

export const messageNode: EngineNodeKind<"message"> = {
  visit: runMessage,
  waits: "tap",
  resume(run, { ref, node, waiting }, arrival) {
    // Free text instead of a tap: the `else` path when drawn, else whatever the text triggers.
    if (
      waiting?.kind === "tap" &&
      arrival.kind === "text" &&
      run.hasEdge(ref.flow, node.id, "else")
    ) {
      return run.leave(ref, node.id, "else");
    }
    return undefined;
  },
};
