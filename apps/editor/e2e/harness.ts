import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { inject } from "vitest";
import { chromiumPath } from "./chromium";

export const editorDir = join(import.meta.dirname, "..");
export const repoRoot = join(editorDir, "..", "..");
export const ADMIN_TOKEN = "e2e-admin-token";
/**
 * Where e2e tests leave their screenshots: artifacts/screenshots/ (ignored by git) on every run,
 * docs/screenshots/ (the README's pictures) with UPDATE_SCREENSHOTS=1.
 */
export const screenshotsDir = join(
  repoRoot,
  process.env.UPDATE_SCREENSHOTS === "1" ? "docs" : "artifacts",
  "screenshots",
);

interface RuntimeModule {
  loadConfig(env: Record<string, string | undefined>, dotEnvPath?: string): unknown;
  createRuntime(options: { config: unknown }): Promise<{
    start(): Promise<{ url: string; port: number; setupLink?: string }>;
    stop(): Promise<void>;
  }>;
}

/**
 * The runtime is loaded by name at run time: type-checking its Node sources under the editor's DOM
 * types would fail for reasons that are not the editor's (fetch body types differ).
 */
async function loadRuntime(): Promise<RuntimeModule> {
  const name = "@convo/runtime";
  return (await import(name)) as RuntimeModule;
}

export interface Harness {
  url: string;
  page: Page;
  context: BrowserContext;
  dir: string;
  /** The first owner's setup link the runtime printed (a fresh database has nobody in it). */
  setupLink: string | undefined;
  stop(): Promise<void>;
}

/**
 * Starts the real runtime in process on a fresh SQLite file (loopback, any free port) serving the
 * editor built once for the run (build-once.ts), and opens Chromium (see chromium.ts) with a fresh profile. `env` is
 * added to the runtime's configuration (a Page token and a Graph API emulator's URL, say);
 * `browser.locale` is the browser's language (English unless said).
 */
export async function startHarness(
  env: Record<string, string> = {},
  browser: { locale?: string } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), "convo-editor-e2e-"));
  const dist = inject("editorDist");

  const { createRuntime, loadConfig } = await loadRuntime();
  const config = loadConfig(
    {
      PORT: "0",
      HOST: "127.0.0.1",
      CONVO_DB: join(dir, "convo.db"),
      CONVO_ADMIN_TOKEN: ADMIN_TOKEN,
      CONVO_EDITOR_DIST: dist,
      CONVO_LOG_LEVEL: "silent",
      ...env,
    },
    join(dir, "no.env"),
  );
  const runtime = await createRuntime({ config });
  const { url, setupLink } = await runtime.start();

  let context: BrowserContext | undefined;
  try {
    context = await openBrowser(join(dir, "profile"), browser.locale);
  } catch (error) {
    await runtime.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    url: url.replace(/\/$/, ""),
    page,
    context,
    dir,
    setupLink,
    async stop() {
      await context?.close().catch(() => undefined);
      await runtime.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium (see chromium.ts) with a fresh profile in `profileDir`: its own cookies, so a second
 * one is a second person's browser.
 */
export function openBrowser(profileDir: string, locale = "en-US"): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    viewport: { width: 1400, height: 860 },
    locale,
    acceptDownloads: true,
  });
}

export async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const token = page.getByLabel("Admin token");
  const list = page.getByRole("heading", { name: "Flows" });
  await token.or(list).first().waitFor();
  if (await list.isVisible()) return;
  await token.fill(ADMIN_TOKEN);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("heading", { name: "Flows" }).waitFor();
}

/** Drags from an element's centre to a point with real mouse events, in small steps. */
export async function mouseDrag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}
