import { findChromium } from "../../../scripts/chromium.mjs";

/**
 * The browser the e2e tests and the canvas benchmark drive: the one `npm test` found or installed
 * (it passes CHROMIUM_PATH down), else the same lookup here when the tests run alone
 * (scripts/chromium.mjs: CHROMIUM_PATH, then chromium, chromium-browser, google-chrome on PATH).
 */
export function chromiumPath(): string {
  const found = findChromium();
  if (found && "path" in found) return found.path;
  throw new Error(
    found?.error ??
      "no Chromium or Chrome on PATH: install one (Debian: apt-get install chromium) or set CHROMIUM_PATH; `npm test` at the root installs it on Debian",
  );
}
