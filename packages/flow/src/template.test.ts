import { describe, expect, it } from "vitest";
import { renderTemplate, renderTemplateKeeping, templateReferences } from "./template";

const values: Record<string, string> = { "contact.first_name": "Zoé", order: "A123", empty: "" };
const lookup = (ref: { name: string; namespace?: string }) =>
  ref.namespace === "secrets" ? null : values[ref.name];

describe("templates", () => {
  it("substitute variables and contact fields, with fallbacks", () => {
    expect(renderTemplate("Hi {{contact.first_name}}, order {{ order }}.", lookup)).toBe(
      "Hi Zoé, order A123.",
    );
    expect(renderTemplate("Hi {{contact.last_name|there}}!", lookup)).toBe("Hi there!");
    expect(renderTemplate("[{{empty|none}}][{{missing}}]", lookup)).toBe("[none][]");
  });

  it("leave what the lookup declines untouched (secrets are filled by the runtime)", () => {
    expect(renderTemplate("Bearer {{secrets.API_KEY}}", lookup)).toBe("Bearer {{secrets.API_KEY}}");
  });

  it("never evaluate anything: expressions are just text", () => {
    const hostile = "{{constructor.constructor('return process')()}} {{1+1}} {{order.toString}}";
    expect(renderTemplate(hostile, lookup)).toBe(
      "{{constructor.constructor('return process')()}} {{1+1}} ",
    );
    expect(renderTemplate("{{__proto__}}", () => undefined)).toBe("");
  });

  it("list references with their namespace", () => {
    expect(
      templateReferences("{{a}} {{contact.locale}} {{secrets.K|x}} {{system.today}} {{shop.id}}"),
    ).toEqual([
      { name: "a", namespace: undefined, key: "a" },
      { name: "contact.locale", namespace: "contact", key: "locale" },
      { name: "secrets.K", namespace: "secrets", key: "K" },
      { name: "system.today", namespace: "system", key: "today" },
      { name: "shop.id", namespace: undefined, key: "shop.id" },
    ]);
  });

  it("render in one pass: a value is never read as a template, and kept references are located", () => {
    const typed: Record<string, string> = { answer: "{{secrets.KEY}} {{order}}" };
    const look = (ref: { name: string; namespace?: string }) =>
      ref.namespace === "secrets" ? null : (typed[ref.name] ?? values[ref.name]);
    expect(renderTemplate("[{{answer}}]", look)).toBe("[{{secrets.KEY}} {{order}}]");
    const { text, kept } = renderTemplateKeeping("{{answer}} Bearer {{ secrets.KEY }}", look);
    expect(text).toBe("{{secrets.KEY}} {{order}} Bearer {{ secrets.KEY }}");
    // Only the author's reference, after the value that looks like one.
    expect(kept.map((k) => text.slice(k.at, k.at + k.length))).toEqual(["{{ secrets.KEY }}"]);
    expect(kept[0]?.reference).toMatchObject({ namespace: "secrets", key: "KEY" });
  });
});
