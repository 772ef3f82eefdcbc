import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { translate } from "../i18n";
import { SandboxView } from "./SandboxView";

// The browser global the sandbox reads its tester from, in Node.
const storage = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => storage.set(key, value),
    removeItem: (key: string) => storage.delete(key),
  },
});

// In English, the reader's language of the tests (on a server render, the store keeps its first locale).
function shown(): string {
  const html = renderToStaticMarkup(createElement(SandboxView));
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

describe("the sandbox before the first message", () => {
  it("says it talks to the published flows, not the draft, and how to begin", () => {
    const en = shown();
    expect(en).toContain("This talks to the published flows, not the draft on the canvas");
    expect(en).toContain("type a keyword of a published flow");
    // Not the simulator's words: here messages are sent, through the real runtime.
    expect(en).not.toContain("Nothing here is published or sent");
    const fr = translate("fr", "test.sandboxEmpty");
    expect(fr).toContain("vous parlez aux scénarios publiés, pas au brouillon du canevas");
    expect(fr).toContain("tapez le mot-clé d’un scénario publié");
  });
});
