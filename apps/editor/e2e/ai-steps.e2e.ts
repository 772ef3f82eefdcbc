import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, signIn, startHarness } from "./harness";

/**
 * AI steps in the editor against the real runtime in sandbox mode: the forms (the "test a
 * question" box ranks the passages as the engine does and shows the model's answer; a knowledge
 * base imported from a file; intents and their examples), the simulator asking the runtime's
 * built-in AI emulator for the intent and the answer, and the analytics counts of each output.
 * Each test that edits a draft has a flow of its own (a draft another test overwrote while it was
 * open would be "changed elsewhere").
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const node = (id: string, type: string, data: unknown, x: number) => ({
  id,
  type,
  position: { x, y: 0 },
  data,
});
const sayNode = (id: string, text: string, x: number) =>
  node(id, "message", { content: [{ id: `${id}-t`, kind: "text", text }] }, x);

const flow = {
  schemaVersion: 1,
  id: "assistant",
  name: "Assistant",
  variables: [],
  nodes: [
    node(
      "start",
      "trigger",
      { triggers: [{ kind: "keyword", match: "contains", keywords: ["open", "colis"] }] },
      0,
    ),
    node(
      "route",
      "intent",
      { intents: [{ id: "orders", name: "Orders", examples: ["Où est mon colis ?"] }] },
      320,
    ),
    sayNode("orders", "Your order is on its way.", 640),
    node(
      "answer",
      "ai_answer",
      {
        entries: [
          {
            id: "hours",
            question: "When are you open?",
            answer: "Monday to Saturday, 9 am to 7 pm.",
          },
        ],
        text: "# Returns\n\nYou have 30 days to return an item.",
      },
      640,
    ),
    sayNode("human", "A colleague will answer.", 960),
    sayNode("sorry", "Our assistant is unavailable.", 960),
  ],
  edges: [
    { id: "e1", source: "start", target: "route" },
    { id: "e2", source: "route", sourceHandle: "orders", target: "orders" },
    { id: "e3", source: "route", sourceHandle: "else", target: "answer" },
    { id: "e5", source: "answer", sourceHandle: "unsure", target: "human" },
    { id: "e6", source: "answer", sourceHandle: "error", target: "sorry" },
  ],
};

const sim = (page: Page) => page.getByTestId("simulator-phone");
async function say(page: Page, text: string) {
  await sim(page).getByLabel("Message", { exact: true }).fill(text);
  await sim(page).getByRole("button", { name: "Send", exact: true }).click();
}

describe("AI steps in the editor", () => {
  it("shows the passages a question finds and the model's answer, and the simulator asks the runtime's AI emulator", async () => {
    const { page, url } = h;
    const imported = await fetch(`${url}/api/flows/import?overwrite=1`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(flow),
    });
    expect(imported.status).toBe(201);
    await signIn(page, url);
    await page.goto(`${url}/#/flows/assistant`);
    const answerStep = page.locator(".react-flow__node:has(article.step-ai_answer)");
    await answerStep.waitFor();
    await expect.poll(() => answerStep.textContent()).toContain("1 FAQ entries and a text");
    await answerStep.click();
    await page.locator(".inspector").getByRole("heading", { name: "AI answer" }).waitFor();
    const ask = page.getByTestId("ai-try");
    await ask.fill("can I return an item?");
    // The paragraph under its heading is the passage found; the FAQ entry is not.
    const found = page.locator(".inspector ol li");
    await expect
      .poll(() => found.allTextContents())
      .toEqual(["Returns\nYou have 30 days to return an item."]);
    await ask.fill("capitale du Pérou");
    await page.locator(".inspector").getByText("Nothing relevant", { exact: false }).waitFor();
    // Nothing to send: the model is not asked.
    const askModel = page.locator(".inspector").getByRole("button", { name: "Ask the model" });
    expect(await askModel.isDisabled()).toBe(true);

    // The model's answer, from the runtime's AI emulator, for the passages found.
    const said = page.getByTestId("ai-try-answer");
    await ask.fill("When are you open?");
    await askModel.click();
    await expect.poll(() => said.textContent()).toContain("Monday to Saturday, 9 am to 7 pm.");
    expect(await said.textContent()).toContain("the step goes Answered");
    // Another question: the last answer goes; Enter asks too.
    await ask.fill("can I return an item?");
    expect(await said.count()).toBe(0);
    await ask.press("Enter");
    await expect.poll(() => said.textContent()).toContain("You have 30 days to return an item.");
    // The model unsure, then failing: the step's path, in words.
    await page.route("**/api/simulator/ai", (route) =>
      route.fulfill({ json: { ok: true, unsure: true } }),
    );
    await ask.fill("When are you open on Sunday?");
    await askModel.click();
    await expect
      .poll(() => said.textContent())
      .toBe("The model was not sure: the step goes Unsure.");
    await page.unroute("**/api/simulator/ai");
    await page.route("**/api/simulator/ai", (route) =>
      route.fulfill({ json: { ok: false, error: "The AI provider answered 500." } }),
    );
    await askModel.click();
    await expect
      .poll(() => said.textContent())
      .toBe("The model did not answer (The AI provider answered 500.): the step goes Error.");
    await page.unroute("**/api/simulator/ai");

    // The simulator, on the draft: the intent, then the answer, from the emulator.
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await page.keyboard.press("r");
    await sim(page).waitFor();
    await say(page, "Are you open on Saturday?");
    await sim(page)
      .locator(".bubble.bot", { hasText: "Monday to Saturday, 9 am to 7 pm." })
      .waitFor();
    await say(page, "où est mon colis");
    await sim(page).locator(".bubble.bot", { hasText: "Your order is on its way." }).waitFor();
  });

  it("imports a Markdown or text file into the knowledge base, and refuses other files", async () => {
    const { page, url } = h;
    const imported = await fetch(`${url}/api/flows/import?overwrite=1`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ ...flow, id: "knowledge", name: "Knowledge file" }),
    });
    expect(imported.status).toBe(201);
    await signIn(page, url);
    await page.goto(`${url}/#/flows/knowledge`);
    const answerStep = page.locator(".react-flow__node:has(article.step-ai_answer)");
    await answerStep.waitFor();
    await answerStep.click();
    const inspector = page.locator(".inspector");
    await inspector.getByRole("heading", { name: "AI answer" }).waitFor();
    const file = page.getByTestId("ai-file");
    const said = page.getByTestId("ai-file-said");
    const text = page.getByTestId("ai-text");
    const upload = (name: string, mimeType: string, content: string) =>
      file.setInputFiles({ name, mimeType, buffer: Buffer.from(content) });

    // Added after the pasted text: both are passages.
    await upload(
      "delivery.md",
      "text/markdown",
      "# Delivery\r\n\r\nWe ship to Belgium in 3 days.\n",
    );
    await expect
      .poll(() => said.textContent())
      .toBe("delivery.md imported: each paragraph is a passage.");
    expect(await text.inputValue()).toBe(
      "# Returns\n\nYou have 30 days to return an item.\n\n# Delivery\n\nWe ship to Belgium in 3 days.",
    );
    const ask = page.getByTestId("ai-try");
    await ask.fill("do you ship to Belgium?");
    await expect
      .poll(() => inspector.locator("ol li").allTextContents())
      .toEqual(["Delivery\nWe ship to Belgium in 3 days."]);

    // Other files, and too much text, are refused and change nothing.
    await upload("logo.png", "image/png", "not text");
    await expect
      .poll(() => said.textContent())
      .toBe("logo.png is not a Markdown (.md) or text (.txt) file: nothing was imported.");
    await upload("huge.txt", "text/plain", "word ".repeat(40_000));
    await expect
      .poll(() => said.textContent())
      .toMatch(
        /^huge\.txt would make the knowledge base 2\d\d,\d{3} characters long, more than its 200,000: nothing was imported\.$/,
      );
    expect(await said.getAttribute("role")).toBe("alert");
    expect(await text.inputValue()).toContain("We ship to Belgium in 3 days.");

    // In place of the text, when asked; one undo step brings the text back.
    await inspector.getByLabel("Replace the text above", { exact: false }).check();
    await upload("hours.txt", "text/plain", "We are open on Sunday mornings.");
    await expect.poll(() => text.inputValue()).toBe("We are open on Sunday mornings.");
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await page.keyboard.press("ControlOrMeta+z");
    await answerStep.click();
    await expect.poll(() => page.getByTestId("ai-text").inputValue()).toContain("Belgium");
  });

  it("edits the intent step: a new intent, its example phrases, the confidence, and says what is missing", async () => {
    const { page, url } = h;
    const imported = await fetch(`${url}/api/flows/import?overwrite=1`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ ...flow, id: "intents", name: "Intents" }),
    });
    expect(imported.status).toBe(201);
    await signIn(page, url);
    await page.goto(`${url}/#/flows/intents`);
    const routeStep = page.locator(".react-flow__node:has(article.step-intent)");
    await routeStep.waitFor();
    expect(await routeStep.getByRole("img", { name: "This step has errors" }).count()).toBe(0);
    await routeStep.click();
    const inspector = page.locator(".inspector");
    await inspector.getByRole("heading", { name: "Route by intent" }).waitFor();

    // A new intent, empty: the step is marked, and Problems says what it lacks.
    await inspector.getByRole("button", { name: "+ Intent 2" }).click();
    await routeStep.getByRole("img", { name: "This step has errors" }).waitFor();
    const second = inspector.locator(".list-item").nth(1);
    await second.getByLabel("Name").fill("Returns");
    await page.getByRole("tab", { name: /Problems/ }).click();
    await expect
      .poll(() => page.locator(".problems li").allTextContents())
      .toContainEqual(
        expect.stringContaining(
          'The intent "Returns" has no example phrases: give a few, in French and English.',
        ),
      );

    // Its example phrases, one a line, and a higher confidence: the errors go.
    await page.getByRole("tab", { name: "Step" }).click();
    await second
      .getByLabel("Example phrases, one a line (French and English)")
      .fill("I want to send it back\nJe veux le renvoyer");
    await inspector
      .getByLabel("Minimum confidence, 0 to 1 (default 0.6; below it: Else)")
      .fill("0.75");
    await expect
      .poll(() => routeStep.getByRole("img", { name: "This step has errors" }).count())
      .toBe(0);
    await expect
      .poll(() => routeStep.textContent())
      .toContain("2 intents; below 75 % confidence: Else.");
    expect(await routeStep.textContent()).toContain("Returns — “I want to send it back”");
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved");
    const saved = (await (
      await fetch(`${url}/api/flows/intents`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      })
    ).json()) as { flow: { nodes: { id: string; data: Record<string, unknown> }[] } };
    const data = saved.flow.nodes.find((n) => n.id === "route")?.data;
    expect(data?.minConfidence).toBe(0.75);
    expect(data?.intents).toEqual([
      { id: "orders", name: "Orders", examples: ["Où est mon colis ?"] },
      {
        id: expect.any(String),
        name: "Returns",
        examples: ["I want to send it back", "Je veux le renvoyer"],
      },
    ]);
  });

  it("shows the tokens the flow's AI steps spent, beside the analytics switch", async () => {
    const { page, url } = h;
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${url}/api${path}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    expect((await api("POST", "/flows/import?overwrite=1", flow)).status).toBe(201);
    expect((await api("POST", "/flows/assistant/publish", {})).status).toBe(201);
    await signIn(page, url);
    await page.goto(`${url}/#/flows/assistant`);
    await page.locator(".react-flow__node:has(article.step-ai_answer)").waitFor();
    await page.getByRole("button", { name: "Analytics", exact: true }).click();
    await page.getByTestId("stats-start").waitFor();
    // No conversation yet: no tokens spent, no line.
    expect(await page.getByTestId("analytics-tokens").count()).toBe(0);

    // A sandbox contact asks: the intent step, then the AI answer, ask the emulator.
    const sent = await api("POST", "/sandbox/messages", { text: "Are you open on Saturday?" });
    expect(sent.status).toBe(202);
    // Both the intent step's question and the answer's count (the runtime's own figures).
    const spent = async () => {
      const stats = (await (await api("GET", "/flows/assistant/stats")).json()) as {
        tokens: Record<string, number>;
      };
      const { route = 0, answer = 0 } = stats.tokens;
      return route > 0 && answer > 0 ? route + answer : 0;
    };
    await expect.poll(spent).toBeGreaterThan(0);
    const total = await spent();
    await expect
      .poll(() => page.getByTestId("analytics-tokens").textContent(), { timeout: 15_000 })
      .toBe(`AI tokens: ${total} today · ${total} in this period`);
  });
});

interface AiEmulator {
  baseUrl: string;
  apiKey: string;
  fault(fault: { status: 429 | 500 }, times?: number): void;
  close(): Promise<void>;
}

describe("the analytics overlay on AI steps", () => {
  // A runtime of its own, asking an AI emulator this test can make fail (as a provider would).
  let counting: Harness;
  let ai: AiEmulator;
  beforeAll(async () => {
    // By name, as the harness loads the runtime: its Node sources are not type-checked here.
    const name = "@convo/runtime";
    const runtime = (await import(name)) as { startAiEmulator(): Promise<AiEmulator> };
    ai = await runtime.startAiEmulator();
    // The emulator listens on 127.0.0.1, as a model hosted on the brand's own network would.
    counting = await startHarness({ CONVO_ALLOW_PRIVATE_HTTP: "1" });
  });
  afterAll(async () => {
    await counting?.stop();
    await ai?.close();
  });

  it("counts the contacts each AI step answered, was unsure for, and failed", async () => {
    const { page, url } = counting;
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${url}/api${path}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    expect(
      (await api("PUT", "/ai/provider", { baseUrl: ai.baseUrl, apiKey: ai.apiKey })).status,
    ).toBe(200);
    const counted = {
      ...flow,
      id: "counted",
      name: "Counted",
      nodes: flow.nodes.map((n) =>
        n.id === "start"
          ? node(
              "start",
              "trigger",
              { triggers: [{ kind: "keyword", match: "contains", keywords: ["hours", "help"] }] },
              0,
            )
          : n.id === "answer"
            ? node(
                "answer",
                "ai_answer",
                {
                  entries: [
                    {
                      id: "hours",
                      question: "What are your opening hours?",
                      answer: "Monday to Saturday, 9 am to 7 pm.",
                    },
                  ],
                },
                640,
              )
            : n,
      ),
    };
    expect((await api("POST", "/flows/import?overwrite=1", counted)).status).toBe(201);
    expect((await api("POST", "/flows/counted/publish", {})).status).toBe(201);
    const taken = async () => {
      const stats = (await (await api("GET", "/flows/counted/stats")).json()) as {
        handles: Record<string, Record<string, number>>;
      };
      return stats.handles.answer ?? {};
    };
    const send = async (text: string, expected: Record<string, number>) => {
      expect((await api("POST", "/sandbox/messages", { text })).status).toBe(202);
      await expect.poll(taken, { timeout: 15_000 }).toEqual(expected);
    };

    // Answered by the emulator; Unsure (nothing relevant: the model is not asked).
    await send("What are your hours on Saturday?", { answered: 1 });
    await send("help with the capital of Peru", { answered: 1, unsure: 1 });
    // The provider failing: the intent falls to Else, the answer to Error.
    ai.fault({ status: 500 }, 2);
    await send("What are your hours on Sunday?", { answered: 1, unsure: 1, error: 1 });

    await signIn(page, url);
    await page.goto(`${url}/#/flows/counted`);
    await page.locator(".react-flow__node:has(article.step-ai_answer)").waitFor();
    await page.getByRole("button", { name: "Analytics", exact: true }).click();
    const count = (id: string) => page.getByTestId(id).textContent();
    await expect.poll(() => count("stats-answer")).toBe("3 entered");
    expect(await count("stats-answer-answered")).toBe("1");
    expect(await count("stats-answer-unsure")).toBe("1");
    expect(await count("stats-answer-error")).toBe("1");
    // The intent step before it: nothing matched an intent, and the failed question went Else.
    expect(await count("stats-route")).toBe("3 entered");
    expect(await count("stats-route-orders")).toBe("0");
    expect(await count("stats-route-else")).toBe("3");
  });
});
