import { makeFlow, makeNode } from "@convo/flow/testing";
import { lintForChannels } from "@convo/messenger/channel";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { panelsEn } from "./panels-en";
import { problemText } from "./problem-text";

const flow = makeFlow(
  "sizes",
  [
    makeNode("start", "trigger", { triggers: [{ kind: "default" }] }),
    makeNode("ask", "message", {
      content: [
        {
          id: "t",
          kind: "text",
          text: "Which size?",
          buttons: [1, 2, 3, 4].map((n) => ({
            id: `s${n}`,
            kind: "postback" as const,
            title: `Size ${n}`,
          })),
        },
      ],
    }),
  ],
  [["start", "ask"]],
);

describe("problems of some channels, in the reader's language", () => {
  it("name their channel in French and in English", () => {
    const problems = lintForChannels(flow).filter((p) => p.code !== "output-leads-nowhere");
    expect(problems.map((p) => problemText("fr", p))).toEqual([
      "Messenger affiche au plus 3 boutons ; il y en a 4.",
      "Instagram affiche au plus 3 boutons ; il y en a 4.",
      "WhatsApp : 4 boutons — envoyés sous forme de liste.",
    ]);
    expect(problems.map((p) => problemText("en", p))[2]).toBe(
      "WhatsApp: 4 buttons — sent as a list.",
    );
  });

  it("has a translation for every channel's own problem code", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const src = new URL("../../../../packages/messenger/src/", import.meta.url);
    const codes = new Set<string>();
    for (const dir of ["whatsapp", "instagram"]) {
      for (const file of readdirSync(new URL(`${dir}/`, src))) {
        if (!file.endsWith("lint.ts")) continue;
        const text = readFileSync(new URL(`${dir}/${file}`, src), "utf8");
        for (const m of text.matchAll(/code: "([a-z]+(?:-[a-z0-9]+)+)"/g))
          codes.add(m[1] as string);
      }
    }
    expect(codes.size).toBeGreaterThan(6);
    for (const code of codes)
      expect(`problem.${code}` in en || `problem.${code}` in panelsEn, code).toBe(true);
  });
});
