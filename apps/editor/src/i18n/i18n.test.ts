import { lintFlow } from "@convo/flow";
import { twoButtonFlow } from "@convo/flow/testing";
import { CHANNEL_SPECS } from "@convo/messenger/channel";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "./en";
import { fr } from "./fr";
import { loadCatalogue, loadTeamWords, translate } from "./index";
import { panelsEn } from "./panels-en";
import { panelsFr } from "./panels-fr";
import { type Message, messageForms } from "./plural";
import { problemText } from "./problem-text";
import { teamEn } from "./team-en";
import { teamFr } from "./team-fr";

const CATALOGUES = { en, fr };
beforeAll(async () => {
  await loadCatalogue("en");
  await loadCatalogue("fr");
});

/** The placeholders of every wording of a message, once each. */
const placeholders = (message: Message) =>
  [
    ...new Set(
      messageForms(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])),
    ),
  ].sort();
const blank = (message: Message) => messageForms(message).some((text) => text.trim() === "");

describe("catalogues", () => {
  it("has every key in every language and no empty string", () => {
    for (const [locale, catalogue] of Object.entries(CATALOGUES)) {
      expect(Object.keys(catalogue).sort(), locale).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(catalogue))
        expect(blank(text), `${locale} ${key}`).toBe(false);
    }
  });

  it("uses the same placeholders in French as in English", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("has the settings screens' words in both languages, loaded with those screens", async () => {
    expect(Object.keys(teamFr).sort()).toEqual(Object.keys(teamEn).sort());
    for (const key of Object.keys(teamEn) as (keyof typeof teamEn)[]) {
      expect(blank(teamFr[key]), key).toBe(false);
      expect(placeholders(teamFr[key]), key).toEqual(placeholders(teamEn[key]));
      expect(key in en, `${key} is in the main catalogue too`).toBe(false);
    }
    expect(translate("fr", "people.title")).toBe("people.title");
    await loadTeamWords();
    await loadCatalogue("fr");
    expect(translate("fr", "people.title")).toBe("Équipe");
  });

  it("has the later panels' words in both languages, apart from the canvas's", () => {
    expect(Object.keys(panelsFr).sort()).toEqual(Object.keys(panelsEn).sort());
    for (const key of Object.keys(panelsEn) as (keyof typeof panelsEn)[]) {
      expect(blank(panelsFr[key]), key).toBe(false);
      expect(placeholders(panelsFr[key]), key).toEqual(placeholders(panelsEn[key]));
      expect(key in en, `${key} is in the main catalogue too`).toBe(false);
      expect(key in teamEn, `${key} is in the settings' words too`).toBe(false);
    }
    // Loaded with the panels (the test setup opens them): the inspector's words read in French.
    expect(translate("fr", "inspector.title")).not.toBe("inspector.title");
  });

  it("fills placeholders from params", () => {
    expect(translate("fr", "publish.done", { version: 3 })).toBe("Publié en version 3.");
  });

  it("translates lint problems by code and params", () => {
    const flow = twoButtonFlow();
    const reply = flow.nodes[2];
    if (reply?.type === "message")
      reply.data.content = [{ id: "t", kind: "text", text: "x".repeat(2001) }];
    const tooLong = lintFlow(flow, { channel: CHANNEL_SPECS.messenger }).find(
      (p) => p.code === "text-too-long",
    );
    expect(tooLong).toBeDefined();
    if (!tooLong) return;
    expect(problemText("fr", tooLong)).toBe(
      "Un texte peut faire 2000 caractères ; celui-ci en fait 2001.",
    );
    expect(problemText("en", tooLong)).toContain("2001");
  });

  it("has a translation for every problem code the lint can report", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const src = new URL("../../../../packages/flow/src/", import.meta.url);
    const files = [
      ...readdirSync(new URL("lint/", src)).map((f) => new URL(`lint/${f}`, src)),
      ...readdirSync(new URL("nodes/", src)).map((d) => new URL(`nodes/${d}/lint.ts`, src)),
    ];
    const codes = new Set<string>();
    for (const file of files) {
      let text = "";
      try {
        text = readFileSync(file, "utf8");
      } catch {
        continue; // a node type without lint rules
      }
      for (const m of text.matchAll(/(?:code: |\n\s+|report\()"([a-z]+(?:-[a-z0-9]+)+)"/g))
        codes.add(m[1] as string);
    }
    expect(codes.size).toBeGreaterThan(30);
    for (const code of codes)
      expect(`problem.${code}` in en || `problem.${code}` in panelsEn, code).toBe(true);
  });
});
