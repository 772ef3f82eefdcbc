/**
 * Small hand-built flows the tests of several packages share (the flow format's, the editor's,
 * the runtime's), so each exists once. Each call returns a fresh copy to change at will.
 */
import type { Flow } from "../schema";

/** A small valid flow: start → ask (message with a button and a quick reply) → two answers. */
export function smallFlow(): Flow {
  return {
    schemaVersion: 2,
    languages: ["en"],
    id: "small",
    name: "Small",
    variables: [{ name: "city", type: "text" }],
    nodes: [
      {
        id: "start",
        type: "trigger",
        position: { x: 0, y: 0 },
        data: { triggers: [{ kind: "keyword", match: "contains", keywords: ["hello"] }] },
      },
      {
        id: "ask",
        type: "message",
        position: { x: 300, y: 0 },
        data: {
          content: [
            {
              id: "t1",
              kind: "text",
              text: "Where are you?",
              buttons: [{ id: "paris", kind: "postback", title: "Paris" }],
            },
          ],
          quickReplies: [{ id: "lyon", title: "Lyon" }],
        },
      },
      {
        id: "city-input",
        type: "input",
        position: { x: 600, y: 0 },
        data: { question: "Which city?", variable: "city", validation: { kind: "text" } },
      },
      {
        id: "bye",
        type: "message",
        position: { x: 900, y: 0 },
        data: { content: [{ id: "t1", kind: "text", text: "See you in {{city}}!" }] },
      },
    ],
    edges: [
      { id: "e1", source: "start", target: "ask" },
      { id: "e2", source: "ask", sourceHandle: "paris", target: "bye" },
      { id: "e3", source: "ask", sourceHandle: "lyon", target: "city-input" },
      { id: "e4", source: "city-input", target: "bye" },
    ],
  };
}

/** Get Started → a question with two buttons (`track` leads to a reply, `shop` nowhere). */
export function twoButtonFlow(): Flow {
  return {
    schemaVersion: 2,
    languages: ["en"],
    id: "test",
    name: "Test",
    variables: [],
    nodes: [
      {
        id: "start",
        type: "trigger",
        position: { x: 0, y: 0 },
        data: { triggers: [{ kind: "get_started" }] },
      },
      {
        id: "ask",
        type: "message",
        position: { x: 300, y: 0 },
        data: {
          content: [
            {
              id: "hello",
              kind: "text",
              text: "Hi! What do you need?",
              buttons: [
                { id: "track", kind: "postback", title: "Track" },
                { id: "shop", kind: "postback", title: "Shop" },
              ],
            },
          ],
        },
      },
      {
        id: "reply",
        type: "message",
        position: { x: 600, y: 0 },
        data: { content: [{ id: "ok", kind: "text", text: "OK" }] },
      },
    ],
    edges: [
      { id: "e1", source: "start", target: "ask" },
      { id: "e2", source: "ask", sourceHandle: "track", target: "reply" },
    ],
  };
}

/**
 * A flow for load and crash tests: every message after the first is answered "Got <text>", then
 * the question again. Each event's reply names the event, so order and duplicates can be read.
 */
export function echoFlow(): Flow {
  return {
    schemaVersion: 2,
    languages: ["en"],
    id: "echo",
    name: "Echo",
    variables: [{ name: "said", type: "text" }],
    nodes: [
      {
        id: "start",
        type: "trigger",
        position: { x: 0, y: 0 },
        data: { triggers: [{ kind: "default" }] },
      },
      {
        id: "ask",
        type: "input",
        position: { x: 300, y: 0 },
        data: { question: "Say something", variable: "said", validation: { kind: "text" } },
      },
      {
        id: "reply",
        type: "message",
        position: { x: 600, y: 0 },
        data: { content: [{ id: "t", kind: "text", text: "Got {{said}}" }] },
      },
    ],
    edges: [
      { id: "e1", source: "start", target: "ask" },
      { id: "e2", source: "ask", target: "reply" },
      { id: "e3", source: "reply", target: "ask" },
    ],
  };
}

/**
 * `order.shipped` (fields `order_id`, `tracking_url`) → "shipped" (tagged POST_PURCHASE_UPDATE,
 * a Track link and an "All good" button) → "thanks" after the tap. A ref trigger with prefix
 * `order-` links the rest of the ref as the contact's external id.
 */
export function eventFlow(): Flow {
  return {
    schemaVersion: 2,
    languages: ["en"],
    id: "orders",
    name: "Orders",
    variables: [],
    nodes: [
      {
        id: "start",
        type: "trigger",
        position: { x: 0, y: 0 },
        data: {
          triggers: [
            {
              kind: "event",
              event: "order.shipped",
              fields: [
                { name: "order_id", type: "text", required: true },
                { name: "tracking_url", type: "url", required: true },
              ],
              sample: { order_id: "A12345", tracking_url: "https://track.example.com/A12345" },
            },
          ],
        },
      },
      {
        id: "checkout",
        type: "trigger",
        position: { x: 0, y: 200 },
        data: { triggers: [{ kind: "ref", ref: "order-", externalId: true }] },
      },
      {
        id: "linked",
        type: "message",
        position: { x: 300, y: 200 },
        data: {
          content: [{ id: "t1", kind: "text", text: "We will tell you here when it ships." }],
        },
      },
      {
        id: "shipped",
        type: "message",
        position: { x: 300, y: 0 },
        data: {
          sendAs: "POST_PURCHASE_UPDATE",
          content: [
            {
              id: "t1",
              kind: "text",
              text: "Your order {{event.order_id}} has shipped.",
              buttons: [
                { id: "track", kind: "url", title: "Track", url: "{{event.tracking_url}}" },
                { id: "ok", kind: "postback", title: "All good" },
              ],
            },
          ],
        },
      },
      {
        id: "thanks",
        type: "message",
        position: { x: 600, y: 0 },
        data: { content: [{ id: "t1", kind: "text", text: "Thanks!" }] },
      },
    ],
    edges: [
      { id: "e1", source: "start", target: "shipped" },
      { id: "e2", source: "shipped", sourceHandle: "ok", target: "thanks" },
      { id: "e3", source: "checkout", target: "linked" },
    ],
  };
}
