import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { testChannel } from "@convo/flow/testing";
import { describe, expect, it } from "vitest";
import { fixture } from "../webhook/fixtures";
import { CHANNELS } from "./channels";
import { CHANNEL_SPECS } from "./specs";
import type { WindowPolicy } from "./types";
import { windowVerdict } from "./window";

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 2, 1, 12);

describe("channel records", () => {
  it("give Messenger's limits once: the flow package's test copy is the same numbers", () => {
    expect(CHANNEL_SPECS.messenger.limits).toEqual(testChannel.limits);
    expect(CHANNEL_SPECS.messenger.name).toBe(testChannel.name);
    // The whole record is the browser-safe one plus the Node-only parts.
    expect(CHANNELS.messenger.limits).toBe(CHANNEL_SPECS.messenger.limits);
    expect(CHANNELS.messenger.render).toBe(CHANNEL_SPECS.messenger.render);
  });

  it("read a webhook and answer it through the record alone", () => {
    const channel = CHANNELS.messenger;
    expect(channel.webhook.path).toBe("/webhooks/messenger");
    const parsed = channel.webhook.parse(fixture("text"), {});
    if (!parsed.ok) throw new Error(parsed.error);
    const [event] = parsed.events;
    if (!event?.psid) throw new Error("no contact");
    expect(channel.webhook.toEngineEvent(event)).toMatchObject({ type: "message" });
    const reply = channel.render({ kind: "text", text: "Hi" }, event.psid, {
      lastUserMessageAt: event.timestamp,
      now: event.timestamp + 1_000,
    });
    expect(reply.ok && channel.readSent(reply.body)).toEqual({
      kind: "message",
      message: { kind: "text", text: "Hi" },
    });
  });
});

describe("three channels behind one interface", () => {
  it("each record names its channel, and no body object is claimed twice on a route", () => {
    expect(Object.values(CHANNELS).map((c) => [c.id, c.name, c.webhook.path])).toEqual([
      ["messenger", "Messenger", "/webhooks/messenger"],
      ["instagram", "Instagram", "/webhooks/messenger"],
      ["whatsapp", "WhatsApp", "/webhooks/whatsapp"],
    ]);
    const claims = Object.values(CHANNELS).flatMap((c) =>
      c.webhook.objects.map((o) => `${c.webhook.path} ${o}`),
    );
    expect(new Set(claims).size).toBe(claims.length);
    for (const id of ["instagram", "whatsapp"] as const) {
      expect(CHANNELS[id].limits).toBe(CHANNEL_SPECS[id].limits);
    }
  });

  it("render the same engine message in each channel's own shape", () => {
    const message = { kind: "text" as const, text: "Hi" };
    const window = { lastUserMessageAt: NOW - HOUR, now: NOW };
    const bodies = Object.values(CHANNEL_SPECS).map((spec) => {
      const result = spec.render(message, "16505551234", window);
      return result.ok ? result.body : result.message;
    });
    expect(bodies[0]).toMatchObject({ recipient: { id: "16505551234" }, message: { text: "Hi" } });
    expect(bodies[1]).toMatchObject({ recipient: { id: "16505551234" }, message: { text: "Hi" } });
    expect(bodies[2]).toMatchObject({ messages: [{ to: "16505551234", text: { body: "Hi" } }] });
  });
});

describe("windowVerdict", () => {
  const messenger = CHANNEL_SPECS.messenger.window;
  const at = (hoursAgo: number) => NOW - hoursAgo * HOUR;

  it("lets a reply go for 24 hours, then only a tag Messenger takes, for as long as it covers", () => {
    expect(windowVerdict(messenger, { lastUserMessageAt: at(23), now: NOW })).toEqual({ ok: true });
    expect(windowVerdict(messenger, { lastUserMessageAt: at(25), now: NOW })).toEqual({
      ok: false,
      message:
        "The contact last wrote 25 hours ago; outside Messenger's 24-hour window a message needs a message tag.",
    });
    const agent = { lastUserMessageAt: at(6 * 24), now: NOW, tag: "HUMAN_AGENT" as const };
    expect(windowVerdict(messenger, agent)).toEqual({ ok: true, tag: "HUMAN_AGENT" });
    expect(windowVerdict(messenger, { ...agent, lastUserMessageAt: at(8 * 24) })).toMatchObject({
      ok: false,
      message: expect.stringContaining("only covers 7 days"),
    });
    const update = {
      lastUserMessageAt: at(90 * 24),
      now: NOW,
      tag: "POST_PURCHASE_UPDATE" as const,
    };
    expect(windowVerdict(messenger, update)).toEqual({ ok: true, tag: "POST_PURCHASE_UPDATE" });
  });

  it("applies another channel's policy as data (Instagram: HUMAN_AGENT only)", () => {
    const instagram: WindowPolicy = {
      channel: "Instagram",
      responseMs: 24 * HOUR,
      tags: { HUMAN_AGENT: 7 * 24 * HOUR },
      outsideNeeds: "the HUMAN_AGENT tag",
    };
    const late = { lastUserMessageAt: at(30), now: NOW };
    expect(windowVerdict(instagram, { ...late, tag: "POST_PURCHASE_UPDATE" })).toEqual({
      ok: false,
      message:
        "The contact last wrote 30 hours ago; Instagram does not take the POST_PURCHASE_UPDATE tag.",
    });
    expect(windowVerdict(instagram, { ...late, tag: "HUMAN_AGENT" })).toEqual({
      ok: true,
      tag: "HUMAN_AGENT",
    });
  });
});

/**
 * The browser-safe subpaths must not reach Node: the editor bundles them. Follows every import
 * that is not type-only from each entry, through this package's files.
 */
describe("browser-safe subpaths", () => {
  const src = join(import.meta.dirname, "..");
  const entries = ["channel/index.ts", "render.ts", "limits.ts"];
  const allowed = new Set(["@convo/flow", "zod"]);
  const importPattern =
    /^\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm;

  function reach(file: string, seen: Set<string>, outside: Set<string>): void {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    for (const match of code.matchAll(importPattern)) {
      const spec = match[1] as string;
      if (spec.startsWith(".")) {
        const base = join(dirname(file), spec);
        const target = [`${base}.ts`, join(base, "index.ts")].find((f) => {
          try {
            readFileSync(f);
            return true;
          } catch {
            return false;
          }
        });
        if (!target) throw new Error(`${file}: cannot resolve ${spec}`);
        reach(target, seen, outside);
      } else outside.add(`${spec} (from ${relative(src, file)})`);
    }
  }

  it.each(entries)("%s imports nothing but browser-safe code", (entry) => {
    const seen = new Set<string>();
    const outside = new Set<string>();
    reach(join(src, entry), seen, outside);
    const refused = [...outside].filter((o) => !allowed.has(o.split(" ")[0] as string));
    expect(refused).toEqual([]);
    expect(seen.size).toBeGreaterThan(0);
  });
});
